package id.neraca.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Relative order volume of each day of the generated range: yearly growth compounded daily, times the
 * seasonal multipliers of the model (Ramadan and Lebaran by year, twin-date sales, payday). One double per day.
 */
final class DayFactors {
    final LocalDate first;
    final double[] factor;
    final double total;
    /** Share of its calendar year's volume (within the range) reached by the end of each day. */
    final double[] yearFraction;
    /** Each day's calendar year volume relative to an average year of the range (1.0 = average). */
    final double[] yearWeight;
    /**
     * Each day's calendar year pace: its mean daily volume within the range relative to the range's mean daily volume,
     * i.e. what a whole year at that year's pace is worth against an average year. Unlike {@link #yearWeight} it does
     * not shrink for a year the range cuts short.
     */
    final double[] yearRate;

    DayFactors(MarketModel model, YearMonth start, YearMonth end) {
        first = start.atDay(1);
        LocalDate last = end.atEndOfMonth();
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        factor = new double[days];
        MarketModel.Time t = model.time();
        double sum = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = first.plusDays(i);
            double f = StrictMath.pow(1 + t.annualGrowth(), i / 365.25) * season(t, d);
            factor[i] = f;
            sum += f;
        }
        total = sum;
        yearFraction = new double[days];
        yearWeight = new double[days];
        yearRate = new double[days];
        double avgYear = total * 365.25 / days;
        int i = 0;
        while (i < days) {
            int year = first.plusDays(i).getYear();
            int j = i;
            double mass = 0;
            while (j < days && first.plusDays(j).getYear() == year) mass += factor[j++];
            double acc = 0;
            for (int k = i; k < j; k++) {
                acc += factor[k];
                yearFraction[k] = acc / mass;
                yearWeight[k] = mass / avgYear;
                yearRate[k] = mass / (j - i) / (total / days);
            }
            i = j;
        }
    }

    static double season(MarketModel.Time t, LocalDate d) {
        double f = 1.0;
        for (MarketModel.Ramadan r : t.ramadan()) {
            LocalDate start = LocalDate.parse(r.start());
            LocalDate lebaran = LocalDate.parse(r.lebaran());
            if (!d.isBefore(lebaran.minusDays(14)) && d.isBefore(lebaran)) f *= t.preLebaranMultiplier();
            else if (!d.isBefore(start) && d.isBefore(lebaran)) f *= t.ramadanMultiplier();
            else if (!d.isBefore(lebaran) && d.isBefore(lebaran.plusDays(7))) f *= t.postLebaranMultiplier();
        }
        String md = String.format(Locale.ROOT, "%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
        Double twin = t.twinDates().get(md);
        if (twin != null) f *= twin;
        if (t.paydayDays().contains(d.getDayOfMonth())) f *= t.paydayMultiplier();
        return f;
    }

    int days() {
        return factor.length;
    }

    LocalDate date(int i) {
        return first.plusDays(i);
    }
}
