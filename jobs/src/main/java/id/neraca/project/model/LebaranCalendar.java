package id.neraca.project.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The moving-holiday regressor of Lebaran (Idul Fitri, 1 Syawal): for a calendar month, the share of the
 * {@code daysBefore} days before Lebaran that fall in it ({@code lebaran_effect}) and, when {@code daysAfter} is above
 * 0, the share of the {@code daysAfter} days from Lebaran on ({@code lebaran_post_effect}). A month holding the whole
 * window has 1, one holding none 0, a month the window straddles its part: so the fitted coefficient is the log
 * effect of a whole window on its month, whatever month that is, and a peak that moves from April to March (2024 to
 * 2025) is read as the holiday's, not as noise in April's and March's seasonal effects.
 *
 * <p>Dates: 1 Syawal of each Hijri year from the JDK's {@link HijrahChronology} (the Umm al-Qura calendar; no
 * download, the same on every machine). Indonesia's date is the government's (Kemenag's sidang isbat, from the sighting
 * of the new moon), which can fall a day after Umm al-Qura's (2023: 21 April here, 22 April in Indonesia; 2025: 30 and
 * 31 March). At monthly grain a day moves one day of a {@code daysBefore}-day window from one month to the next only when
 * the window straddles a month's end: with the default 30 days ({@code project.holiday.days_before}), a regressor value
 * changes by 1/30 (0.03) in such a month, and by nothing in the others.
 */
public final class LebaranCalendar {
    /** The regressors' names in the {@code models} table. */
    public static final String PRE = "lebaran_effect";
    public static final String POST = "lebaran_post_effect";

    /** 1 Syawal by Gregorian year (a year may hold two: 2000, 2033), Hijri years 1400–1560 (1980–2137). */
    private static final Map<Integer, List<LocalDate>> BY_YEAR = new TreeMap<>();

    static {
        for (int hy = 1400; hy <= 1560; hy++) {
            LocalDate d = LocalDate.from(HijrahDate.of(hy, 10, 1));
            BY_YEAR.computeIfAbsent(d.getYear(), k -> new ArrayList<>()).add(d);
        }
    }

    private final int daysBefore;
    private final int daysAfter;

    public LebaranCalendar(int daysBefore, int daysAfter) {
        if (daysBefore < 1 || daysBefore > 60 || daysAfter < 0 || daysAfter > 30) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Lebaran window: days before 1..60 and days after 0..30, got %d and %d", daysBefore, daysAfter));
        }
        this.daysBefore = daysBefore;
        this.daysAfter = daysAfter;
    }

    public int daysBefore() {
        return daysBefore;
    }

    public int daysAfter() {
        return daysAfter;
    }

    /** The Lebaran dates (1 Syawal, Umm al-Qura) in a Gregorian year: one, or two in a year such as 2033. */
    public static List<LocalDate> lebaran(int year) {
        List<LocalDate> d = BY_YEAR.get(year);
        if (d == null) throw new IllegalArgumentException("no Lebaran date for " + year + " (the calendar holds 1980–2137)");
        return d;
    }

    /** Regressors per month: one, or two with a post-Lebaran window. */
    public int size() {
        return daysAfter > 0 ? 2 : 1;
    }

    /** The regressors' names, in the order of {@link #at}. */
    public List<String> names() {
        return daysAfter > 0 ? List.of(PRE, POST) : List.of(PRE);
    }

    /** The regressors of calendar month {@code m}: the shares of the windows' days that fall in it. */
    public double[] at(YearMonth m) {
        LocalDate start = m.atDay(1);
        LocalDate end = m.atEndOfMonth().plusDays(1); // exclusive
        int pre = 0;
        int post = 0;
        for (int y = m.getYear() - 1; y <= m.getYear() + 1; y++) {
            for (LocalDate l : lebaran(y)) {
                pre += overlap(l.minusDays(daysBefore), l, start, end);
                if (daysAfter > 0) post += overlap(l, l.plusDays(daysAfter), start, end);
            }
        }
        return daysAfter > 0 ? new double[]{pre / (double) daysBefore, post / (double) daysAfter}
                : new double[]{pre / (double) daysBefore};
    }

    /** The regressors of the months {@code first}, {@code first + 1}, … ({@code steps} of them). */
    public double[][] design(YearMonth first, int steps) {
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) out[t] = at(first.plusMonths(t));
        return out;
    }

    /**
     * Whether every regressor can be told from the month dummies over the months {@code first} .. {@code first + n − 1}:
     * it must take two values in the same calendar month. Over a short window it may not (a 7-day window wholly in April
     * in 2023 and in 2024 is the April dummy), and the models then fit without the holiday, as a model without it would.
     */
    public boolean identified(YearMonth first, int n) {
        double[][] x = design(first, n);
        for (int j = 0; j < size(); j++) {
            double[] lo = new double[12];
            double[] hi = new double[12];
            java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
            for (int t = 0; t < n; t++) {
                int m = first.plusMonths(t).getMonthValue() - 1;
                lo[m] = Math.min(lo[m], x[t][j]);
                hi[m] = Math.max(hi[m], x[t][j]);
            }
            boolean varies = false;
            for (int m = 0; m < 12; m++) varies |= hi[m] - lo[m] > 1e-9;
            if (!varies) return false;
        }
        return true;
    }

    /**
     * The month a fit's regressors start at: {@code first} when the months {@code first} .. {@code first + n − 1}
     * identify them ({@link #identified}), else null: the model is then fitted without the holiday.
     */
    public YearMonth start(YearMonth first, int n) {
        return identified(first, n) ? first : null;
    }

    /** The failure of a model with the holiday fitted by season index, without the calendar month its regressor needs. */
    public static IllegalStateException withoutCalendar(String model) {
        return new IllegalStateException(model + ": a holiday regressor needs the calendar month of the first value: "
                + "fit(y, period, YearMonth)");
    }

    /** Days of [a, b) inside [c, d). */
    private static int overlap(LocalDate a, LocalDate b, LocalDate c, LocalDate d) {
        LocalDate lo = a.isAfter(c) ? a : c;
        LocalDate hi = b.isBefore(d) ? b : d;
        return hi.isAfter(lo) ? (int) ChronoUnit.DAYS.between(lo, hi) : 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lebaran(%d days before, %d after)", daysBefore, daysAfter);
    }
}
