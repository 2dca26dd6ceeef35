package id.neraca.core;

import java.util.Locale;

/**
 * A failure a user can act on. Carries the process exit code of DESIGN.md:
 * 2 usage or configuration error, 3 input data failed a contract, 1 anything else.
 * The message must name the file (and line or key where there is one) and the fix.
 */
public class NeracaException extends RuntimeException {
    public static final int EXIT_OTHER = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_DATA = 3;

    private final int exitCode;

    public NeracaException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public NeracaException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static NeracaException usage(String fmt, Object... args) {
        return new NeracaException(EXIT_USAGE, String.format(Locale.ROOT, fmt, args));
    }

    public static NeracaException data(String fmt, Object... args) {
        return new NeracaException(EXIT_DATA, String.format(Locale.ROOT, fmt, args));
    }

    public static NeracaException other(String fmt, Object... args) {
        return new NeracaException(EXIT_OTHER, String.format(Locale.ROOT, fmt, args));
    }

    public int exitCode() {
        return exitCode;
    }
}
