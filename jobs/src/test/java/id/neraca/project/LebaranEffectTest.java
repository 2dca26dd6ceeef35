package id.neraca.project;

import id.neraca.project.model.DriftSeasonal;
import id.neraca.project.model.Forecaster;
import id.neraca.project.model.LebaranCalendar;
import id.neraca.project.model.LogLinearSeasonal;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The moving-holiday (Lebaran) regressor: its dates, its values, its estimation in the models, and that off is as before. */
class LebaranEffectTest {
    /** Indonesia's (Kemenag's) 1 Syawal, as the brief and the generator's market model give them. */
    private static final String[] INDONESIA = {"2015-07-17", "2016-07-06", "2017-06-25", "2018-06-15", "2019-06-05",
            "2020-05-24", "2021-05-13", "2022-05-02", "2023-04-22", "2024-04-10", "2025-03-31", "2026-03-20", "2027-03-10"};

    @Test
    void ummAlQuraDatesAreIndonesiasOrADayBefore() {
        int same = 0;
        for (String s : INDONESIA) {
            LocalDate id = LocalDate.parse(s);
            List<LocalDate> uq = LebaranCalendar.lebaran(id.getYear());
            assertEquals(1, uq.size(), s);
            long days = java.time.temporal.ChronoUnit.DAYS.between(uq.get(0), id);
            assertTrue(days == 0 || days == 1, s + " against Umm al-Qura " + uq.get(0));
            if (days == 0) same++;
        }
        assertEquals(9, same, "four of thirteen years a day apart: 2019, 2023, 2025, 2027");
        assertEquals(LocalDate.parse("2030-02-04"), LebaranCalendar.lebaran(2030).get(0), "2030: early February");
        assertEquals(2, LebaranCalendar.lebaran(2033).size(), "2033 holds two: January and December");
        assertEquals(LocalDate.parse("2040-10-07"), LebaranCalendar.lebaran(2040).get(0));
    }

    @Test
    void regressorIsTheShareOfTheWindowInTheMonth() {
        LebaranCalendar c = new LebaranCalendar(14, 7);
        // 2024: 1 Syawal 10 April; the 14 days before are 27 March – 9 April: 5 in March, 9 in April; the 7 from it all in April
        assertArrayEquals(new double[]{5 / 14.0, 0}, c.at(YearMonth.of(2024, 3)), 0);
        assertArrayEquals(new double[]{9 / 14.0, 1}, c.at(YearMonth.of(2024, 4)), 0);
        assertArrayEquals(new double[]{0, 0}, c.at(YearMonth.of(2024, 5)), 0);
        // 2025 (Umm al-Qura 30 March): 16 – 29 March all in March; 30 March – 5 April: 2 in March, 5 in April
        assertArrayEquals(new double[]{1, 2 / 7.0}, c.at(YearMonth.of(2025, 3)), 0);
        assertArrayEquals(new double[]{0, 5 / 7.0}, c.at(YearMonth.of(2025, 4)), 0);
        // 2023 (21 April): 7 – 20 April
        assertArrayEquals(new double[]{1, 1}, c.at(YearMonth.of(2023, 4)), 0);
        assertArrayEquals(new double[]{0, 0}, c.at(YearMonth.of(2023, 3)), 0);
        // 2028 (26 February): 12 – 25 February; 26 February – 3 March (2028 is a leap year: 26 – 29 Feb, 1 – 3 Mar)
        assertArrayEquals(new double[]{1, 4 / 7.0}, c.at(YearMonth.of(2028, 2)), 0);
        assertArrayEquals(new double[]{0, 3 / 7.0}, c.at(YearMonth.of(2028, 3)), 0);
        // 30 days before 4 February 2030: 5 January – 3 February, 27 in January, 3 in February
        LebaranCalendar w30 = new LebaranCalendar(30, 0);
        assertArrayEquals(new double[]{27 / 30.0}, w30.at(YearMonth.of(2030, 1)), 0);
        assertArrayEquals(new double[]{3 / 30.0}, w30.at(YearMonth.of(2030, 2)), 0);
        assertEquals(List.of("lebaran_effect"), w30.names());
        // a window adds up to one over the months it covers (2031 holds 1/14 of 2032's, from 31 December)
        double sum = 0;
        for (int m = 0; m < 12; m++) sum += c.at(YearMonth.of(2025, 1).plusMonths(m))[0];
        assertEquals(1.0, sum, 1e-12);
        double y2031 = 0;
        for (int m = 0; m < 12; m++) y2031 += c.at(YearMonth.of(2031, 1).plusMonths(m))[0];
        assertEquals(15 / 14.0, y2031, 1e-12);
    }

    /** A seasonal log series with a trend, month effects, a Lebaran effect β and AR(1) noise (ρ 0.3), seeded. */
    static double[] series(YearMonth first, int n, double beta, long seed) {
        LebaranCalendar cal = new LebaranCalendar(14, 0);
        Well19937c rng = new Well19937c(seed);
        double[] season = {0, -0.05, 0.02, 0.01, -0.03, 0.0, 0.03, -0.02, 0.05, 0.08, 0.15, 0.12};
        double[] y = new double[n];
        double e = 0;
        for (int t = 0; t < n; t++) {
            YearMonth m = first.plusMonths(t);
            e = 0.3 * e + 0.03 * rng.nextGaussian();
            y[t] = 30 + 0.18 * t / 12.0 + season[m.getMonthValue() - 1] + beta * cal.at(m)[0] + e;
        }
        return y;
    }

    @Test
    void modelsRecoverAKnownLebaranEffect() {
        YearMonth first = YearMonth.of(2019, 1);
        LebaranCalendar cal = new LebaranCalendar(14, 0);
        List<Forecaster> models = List.of(
                new LogLinearSeasonal(true, 24, "ols").withHoliday(cal),
                new LogLinearSeasonal(true, 24, "ar1").withAr1Errors().withHoliday(cal),
                new DriftSeasonal(true, 24, "drift", false).withHoliday(cal));
        for (Forecaster m : models) {
            double[] est = new double[5];
            for (int k = 0; k < est.length; k++) {
                double[] y = series(first, 72, 0.25, 100 + k);
                est[k] = m.fit(y, 12, first).parameters().get("lebaran_effect");
                assertEquals(0.25, est[k], 0.08, m.name() + " series " + k);
            }
            double mean = java.util.Arrays.stream(est).average().orElseThrow();
            assertEquals(0.25, mean, 0.04, m.name() + ": the mean of five estimates");
            // no effect: none found
            double none = m.fit(series(first, 72, 0.0, 7), 12, first).parameters().get("lebaran_effect");
            assertEquals(0.0, none, 0.08, m.name() + " without an effect");
        }
    }

    @Test
    void theProjectedPeakMovesWithLebaran() {
        YearMonth first = YearMonth.of(2019, 1);
        double[] y = series(first, 72, 0.25, 11);
        Forecaster m = new LogLinearSeasonal(true, 24, "ar1").withAr1Errors().withHoliday(new LebaranCalendar(14, 0));
        Forecaster.Fit fit = m.fit(y, 12, first);
        // 2025-01 onwards; 2030 is steps 60..71; Lebaran 4 Feb 2030: the window (21 Jan – 3 Feb) 11 days in January
        double[] f = fit.forecast(72);
        double[] plain = new LogLinearSeasonal(true, 24, "p").withAr1Errors().fit(y, 12, 0).forecast(72);
        double janLift = (f[60] - plain[60]);
        double aprLift = (f[63] - plain[63]);
        assertTrue(janLift > 0.1, "January 2030 carries most of the window: " + janLift);
        assertTrue(aprLift < 0, "April 2030 no longer does (the plain model's April holds past Lebarans): " + aprLift);
        // the simulated paths draw β with the other coefficients: their January 2030 median sits near the forecast
        double[][] sim = fit.simulate(72, 2000, new Well19937c(3));
        double[] jan = new double[sim.length];
        for (int p = 0; p < sim.length; p++) jan[p] = sim[p][60];
        java.util.Arrays.sort(jan);
        assertEquals(f[60], jan[jan.length / 2], 0.03);
    }

    @Test
    void withTheEffectOffEverythingIsAsBefore() {
        YearMonth first = YearMonth.of(2022, 5);
        double[] y = series(first, 40, 0.2, 5);
        List<Forecaster[]> pairs = List.of(
                new Forecaster[]{new LogLinearSeasonal(true, 24, "a"), new LogLinearSeasonal(true, 24, "a").withHoliday(null)},
                new Forecaster[]{new LogLinearSeasonal(true, 24, "a").withAr1Errors(),
                        new LogLinearSeasonal(true, 24, "a").withHoliday(null).withAr1Errors()},
                new Forecaster[]{new DriftSeasonal(true, 24, "d", false), new DriftSeasonal(true, 24, "d", false).withHoliday(null)});
        for (Forecaster[] p : pairs) {
            Forecaster.Fit a = p[0].fit(y, 12, 4);
            Forecaster.Fit b = p[1].fit(y, 12, first);
            assertArrayEquals(a.forecast(30), b.forecast(30), 0);
            assertArrayEquals(a.fitted(), b.fitted(), 0);
            assertEquals(a.parameters(), b.parameters());
            double[][] sa = a.simulate(30, 50, new Well19937c(9));
            double[][] sb = b.simulate(30, 50, new Well19937c(9));
            for (int k = 0; k < sa.length; k++) assertArrayEquals(sa[k], sb[k], 0);
        }
        // the annual forms have no holiday regressor
        LebaranCalendar cal = new LebaranCalendar(14, 0);
        double[] ya = {1, 1.2, 1.35, 1.5, 1.7, 1.9, 2.05};
        assertEquals(new LogLinearSeasonal(false, 3, "l").fit(ya, 1, 0).parameters(),
                new LogLinearSeasonal(false, 3, "l").withHoliday(cal).fit(ya, 1, 0).parameters());
        // a monthly holiday model refuses to fit without the calendar month
        assertThrows(IllegalStateException.class, () -> new LogLinearSeasonal(true, 24, "a").withHoliday(cal).fit(y, 12, 4));
    }

    @Test
    void aRegressorThatIsAMonthDummyOverTheHistoryIsLeftOut() {
        YearMonth first = YearMonth.of(2023, 1);
        // 2023 (21 April) and 2024 (10 April): 7 days before fall wholly in April both years; 14 days do not (5 in March 2024)
        assertFalse(new LebaranCalendar(7, 0).identified(first, 24));
        assertFalse(new LebaranCalendar(14, 7).identified(first, 24), "the 7 days from Lebaran: April both years");
        assertTrue(new LebaranCalendar(14, 0).identified(first, 24));
        assertTrue(new LebaranCalendar(7, 0).identified(first, 36), "2025 (30 March) moves it to March");
        double[] y = series(first, 24, 0.2, 3);
        for (Forecaster[] p : List.of(
                new Forecaster[]{new LogLinearSeasonal(true, 24, "a").withAr1Errors(),
                        new LogLinearSeasonal(true, 24, "a").withAr1Errors().withHoliday(new LebaranCalendar(7, 0))},
                new Forecaster[]{new DriftSeasonal(true, 20, "d", false),
                        new DriftSeasonal(true, 20, "d", false).withHoliday(new LebaranCalendar(7, 0))})) {
            Forecaster.Fit a = p[0].fit(y, 12, 0);
            Forecaster.Fit b = p[1].fit(y, 12, first);
            assertArrayEquals(a.forecast(24), b.forecast(24), 0);
            assertFalse(b.parameters().containsKey("lebaran_effect"));
        }
    }

    @Test
    void projectionWithTheEffectOffIsAsBefore() {
        YearMonth first = YearMonth.of(2023, 1);
        int n = 36;
        double[] y = series(first, n, 0.2, 21);
        List<YearMonth> months = new java.util.ArrayList<>();
        double[] total = new double[n];
        double[] umkm = new double[n];
        double[] foreign = new double[n];
        for (int t = 0; t < n; t++) {
            months.add(first.plusMonths(t));
            total[t] = Math.round(Math.exp(y[t] - 12));
            umkm[t] = Math.round(total[t] * 0.4);
            foreign[t] = Math.round(total[t] * 0.2);
        }
        Projection.Input in = new Projection.Input(months, total, umkm, foreign);
        ProjectConfig cfg = new ProjectConfig(7L, 500, 2032, null, null, null, null,
                new ProjectConfig.CoverageSection(ProjectConfig.FACTOR, 3.0, null, null, null, null, null), null, null);
        Coverage.Result cov = Coverage.fixed(3.0, 0.15);
        Projection.Result a = new Projection(cfg.withHoliday(new ProjectConfig.HolidaySection("none", null, null)), cov).run(in);
        Projection.Result b = new Projection(cfg.withHoliday(new ProjectConfig.HolidaySection("none", 30, 7)), cov).run(in);
        assertEquals(a.series(), b.series());
        assertEquals(a.models(), b.models());
        assertEquals(a.backtest(), b.backtest());
        // and on: the log-linear and drift models publish the effect, Holt does not have it
        Projection.Result c = new Projection(cfg.withHoliday(new ProjectConfig.HolidaySection("lebaran", 14, 0)), cov).run(in);
        List<String> with = c.models().stream().filter(r -> "lebaran_effect".equals(r.parameter())).map(Projection.ModelRow::model).toList();
        assertEquals(List.of("drift_seasonal", "loglinear_seasonal"), with.stream().sorted().toList());
    }
}
