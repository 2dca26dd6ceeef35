package id.neraca.ingest;

/**
 * A value that does not parse: carries the quarantine reason code. Built without a stack trace because bad
 * rows are data, not bugs, and a dump can hold many.
 */
public final class ParseFailure extends RuntimeException {
    private final String code;

    public ParseFailure(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
