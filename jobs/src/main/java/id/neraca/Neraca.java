package id.neraca;

import id.neraca.cli.Commands;
import id.neraca.cli.Evaluate;
import id.neraca.core.Log;
import id.neraca.core.NeracaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The neraca command line: {@code neraca <command> [options]}. Exit codes (DESIGN.md): 0 success,
 * 2 usage or configuration error, 3 input data failed a contract, 1 anything else.
 */
@Command(name = "neraca", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "neraca 0.1.0",
        description = "Who earns Indonesia's online sales: local UMKM or foreign-origin goods.",
        subcommands = {
                Commands.Run.class,
                Commands.Ingest.class,
                Commands.Classify.class,
                Commands.Aggregate.class,
                Commands.Project.class,
                Commands.Report.class,
                id.neraca.cli.Validate.class,
                id.neraca.cli.Generate.class,
                Evaluate.class,
                CommandLine.HelpCommand.class
        })
public final class Neraca implements java.util.concurrent.Callable<Integer> {
    /** No command: the usage, and exit 2 (a scheduler calling {@code neraca} with a lost argument must not see success). */
    @Override
    public Integer call() {
        System.err.println("neraca: no command given");
        new CommandLine(this).usage(System.err);
        return NeracaException.EXIT_USAGE;
    }

    public static void main(String[] args) {
        // outputs and messages must not depend on the machine's locale (an Indonesian-locale laptop wrote "7004,06"
        // into projection/summary.json); every String.format already says Locale.ROOT, this covers the libraries
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        id.neraca.core.Interrupts.install();
        int code;
        try {
            code = execute(args);
        } finally {
            id.neraca.core.Interrupts.ending(); // also when main dies of an Error: the JVM must not wait for a rollback
        }
        Log.awaitStderrWrapper();
        markArchiveComplete(code, args, System.getProperty(CDS_PENDING));
        System.exit(code);
    }

    /** The class list this JVM records for the launcher's class-data-sharing archive (./neraca sets it on a jar's first run). */
    static final String CDS_PENDING = "neraca.cds.pending";

    /**
     * Tells the launcher that the class list this JVM records (-XX:DumpLoadedClassList) may become the jar's archive:
     * a {@code run} that succeeded loaded every stage's classes. A run that stopped early (a usage error, exit 2)
     * loaded the command line's alone, and an archive of those would make every later run of the jar slower
     * (jobs/bin/cds-archive keeps a list only beside its {@code .ok} file). Best effort: without the file the next
     * run simply records the list again.
     */
    static void markArchiveComplete(int code, String[] args, String pending) {
        if (pending == null || pending.isEmpty() || code != 0 || args.length == 0 || !args[0].equals("run")) return;
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(pending + ".ok"), "");
        } catch (java.io.IOException | RuntimeException e) {
            // no marker: the list is dropped and the next run records one
        }
    }

    /** Runs the CLI and returns the exit code instead of exiting (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Neraca());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex));
        cli.setParameterExceptionHandler((ex, args1) -> {
            String hint = suggestion(ex);
            if (hint.isEmpty()) {
                System.err.println("neraca: " + ex.getMessage());
                ex.getCommandLine().usage(System.err);
            } else {
                // the suggestion alone, where it is seen, not above a screen of usage (as picocli's own handler does)
                System.err.println("neraca: " + ex.getMessage() + ". " + hint + " ("
                        + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help lists the options)");
            }
            return NeracaException.EXIT_USAGE;
        });
        return cli.execute(args);
    }

    /**
     * "Did you mean --dumps?" for a mistyped option or command, from picocli's own suggestions (the names closest to
     * what was typed); empty when there are none. Abbreviated options (--dump read as --dumps) would be silent and
     * could take a typo for another option: a suggestion only tells.
     */
    static String suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) return "";
        java.util.List<String> s = u.getSuggestions();
        if (s.isEmpty()) s = closeCommands(u);
        if (s.isEmpty()) return "";
        return "Did you mean " + String.join(" or ", s.subList(0, Math.min(3, s.size()))) + "?";
    }

    /**
     * Commands one edit from a mistyped command word (a letter missing, extra, wrong or two swapped): picocli's own
     * suggestions miss short words (`neraca rn` got none, `runn` got "run"; the audit of 2 Dec 2026).
     */
    static java.util.List<String> closeCommands(CommandLine.UnmatchedArgumentException u) {
        java.util.List<String> unmatched = u.getUnmatched();
        if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) return java.util.List.of();
        String typed = unmatched.get(0).toLowerCase(java.util.Locale.ROOT);
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String name : u.getCommandLine().getSubcommands().keySet()) {
            if (id.neraca.config.Yaml.editDistance(typed, name) <= 1) out.add(name);
        }
        return out;
    }

    static int handle(Exception ex) {
        if (id.neraca.core.Interrupts.interrupted()) {
            // Spark's context was stopped under the job by the JVM's shutdown: not a failure of Spark or neraca
            if (!id.neraca.core.Interrupts.reported()) {
                Log.error("%s", id.neraca.core.Interrupts.describe("stopped before finishing"));
            }
            return id.neraca.core.Interrupts.exitCode();
        }
        Throwable t = ex;
        while (!(t instanceof NeracaException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof NeracaException ne) {
            Log.error("%s", ne.getMessage());
            return ne.exitCode();
        }
        Log.error("unexpected failure: %s: %s (set NERACA_DEBUG=1 for the stack trace)",
                ex.getClass().getSimpleName(), ex.getMessage());
        if (System.getenv("NERACA_DEBUG") != null) ex.printStackTrace();
        return NeracaException.EXIT_OTHER;
    }
}
