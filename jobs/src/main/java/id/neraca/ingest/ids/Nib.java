package id.neraca.ingest.ids;

/** NIB (OSS business identification number): 13 digits, no published check digit. */
public final class Nib {
    private Nib() {}

    public static boolean valid(String digits) {
        return digits != null && SellerIds.digits(digits, 13);
    }
}
