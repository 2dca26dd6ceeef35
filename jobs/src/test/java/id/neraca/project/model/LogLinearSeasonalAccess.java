package id.neraca.project.model;

import org.apache.commons.math3.linear.RealMatrix;

/** Test access to the package-private helpers of {@link LogLinearSeasonal}. */
public final class LogLinearSeasonalAccess {
    private LogLinearSeasonalAccess() {}

    public static RealMatrix cholOrZero(RealMatrix cov) {
        return LogLinearSeasonal.cholOrZero(cov);
    }
}
