package id.neraca.project.model;

import org.apache.commons.math3.random.RandomGenerator;

import java.time.YearMonth;
import java.util.Map;

/**
 * A forecasting model on the log of a positive series (monthly: period 12, annual: period 1). Models work on
 * logs so that growth is multiplicative and every simulated value stays positive.
 */
public interface Forecaster {
    /** Model name as it appears in the outputs (e.g. {@code loglinear_seasonal}). */
    String name();

    /**
     * Why this model cannot be fitted on {@code n} points of a series with {@code period} (null when it can).
     * A model never fits on less data than it needs: the caller reports the reason as a warning.
     */
    String unsupportedReason(int n, int period);

    /**
     * Fits on the log values {@code y}; {@code firstSeason} is the season index (0..period-1, 0 = January) of
     * {@code y[0]}.
     */
    Fit fit(double[] y, int period, int firstSeason);

    /**
     * Fits a monthly series ({@code period} 12) whose {@code y[0]} is calendar month {@code first}: what a model with a
     * calendar regressor (a moving holiday, {@link LebaranCalendar}) needs, as the season alone does not say the year.
     * The other models take the season of {@code first}.
     */
    default Fit fit(double[] y, int period, YearMonth first) {
        return fit(y, period, Math.floorMod(first.getMonthValue() - 1, period));
    }

    /**
     * A model whose seasonal monthly fits can carry a calendar's regressors ({@link LebaranCalendar}): by season index it
     * fits only without them, by calendar month with them when the history identifies them
     * ({@link LebaranCalendar#start}). The log-linear and drift models.
     */
    interface WithCalendar extends Forecaster {
        /** The calendar this model's fits at {@code period} carry, or null (none configured, or not a seasonal monthly fit). */
        LebaranCalendar calendarAt(int period);

        /** The fit; {@code first} is the first value's month when the calendar's regressors are in, else null. */
        Fit fit(double[] y, int period, int firstSeason, YearMonth first);

        @Override
        default Fit fit(double[] y, int period, int firstSeason) {
            if (calendarAt(period) != null) throw LebaranCalendar.withoutCalendar(name());
            return fit(y, period, firstSeason, null);
        }

        @Override
        default Fit fit(double[] y, int period, YearMonth first) {
            LebaranCalendar c = calendarAt(period);
            return fit(y, period, Math.floorMod(first.getMonthValue() - 1, period), c == null ? null : c.start(first, y.length));
        }
    }

    /** A fitted model. */
    interface Fit {
        /** In-sample fitted log values (one-step-ahead where the model is recursive); NaN where none. */
        double[] fitted();

        /** Point forecasts (median of the log) for steps 1..h after the last observation. */
        double[] forecast(int h);

        /**
         * {@code paths} simulated futures of the log series, steps 1..h, drawn from the model's predictive
         * distribution (parameter uncertainty where the model has it). Deterministic for a seeded generator.
         */
        double[][] simulate(int h, int paths, RandomGenerator rng);

        /** Fitted parameters by name, for the {@code models} table. */
        Map<String, Double> parameters();
    }
}
