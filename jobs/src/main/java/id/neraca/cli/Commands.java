package id.neraca.cli;

import id.neraca.aggregate.AggregateMonthly;
import id.neraca.classify.ClassifySales;
import id.neraca.core.Stage;
import id.neraca.ingest.IngestDumps;
import id.neraca.project.ProjectTo2030;
import id.neraca.report.WriteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** The stage commands: each runs one stage on the previous stage's committed output. */
public final class Commands {
    private Commands() {}

    /** The whole pipeline, in order, in one Spark application. */
    public static List<Stage> pipeline() {
        return List.of(new IngestDumps(), new ClassifySales(), new AggregateMonthly(), new ProjectTo2030(), new WriteReport());
    }

    @Command(name = "run", description = "Run the whole pipeline: ingest, classify, aggregate, project, report.")
    public static class Run extends StageCommand {
        @Option(names = "--full", description = "Rebuild from all dumps instead of adding only new dump files.")
        boolean full;

        @Override
        protected List<Stage> stages() {
            return pipeline();
        }

        @Override
        protected boolean full() {
            return full;
        }
    }

    @Command(name = "ingest", description = "Read every dump under --dumps into out/sales and out/quarantine.")
    public static class Ingest extends StageCommand {
        @Option(names = "--full", description = "Rebuild from all dumps instead of adding only new dump files.")
        boolean full;

        @Override
        protected List<Stage> stages() {
            return List.of(new IngestDumps());
        }

        @Override
        protected boolean full() {
            return full;
        }
    }

    @Command(name = "classify", description = "Classify every sale in out/sales into out/classified.")
    public static class Classify extends StageCommand {
        @Override
        protected List<Stage> stages() {
            return List.of(new ClassifySales());
        }
    }

    @Command(name = "aggregate", description = "Aggregate out/classified into out/aggregates.")
    public static class Aggregate extends StageCommand {
        @Override
        protected List<Stage> stages() {
            return List.of(new AggregateMonthly());
        }
    }

    @Command(name = "project", description = "Project national e-commerce GMV to 2030 against the targets into out/projection.")
    public static class Project extends StageCommand {
        @Override
        protected List<Stage> stages() {
            return List.of(new ProjectTo2030());
        }
    }

    @Command(name = "report", description = "Write the policy report into out/report (docs/REPORT.md).")
    public static class Report extends StageCommand {
        @Option(names = "--lang", paramLabel = "id|en|both",
                description = "Report language: id (Bahasa Indonesia), en (English) or both (report.languages first). "
                        + "Default: the languages of report.languages.")
        String lang;

        @Override
        protected List<Stage> stages() {
            if (lang == null) return List.of(new WriteReport());
            return switch (lang) {
                case "both" -> List.of(new WriteReport(WriteReport.BOTH));
                case "id", "en" -> List.of(new WriteReport(List.of(lang)));
                default -> throw id.neraca.core.NeracaException.usage(
                        "--lang %s: not a report language. Use id, en or both.", lang);
            };
        }
    }
}
