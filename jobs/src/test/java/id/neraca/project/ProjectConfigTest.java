package id.neraca.project;

import id.neraca.SparkTestBase;
import id.neraca.config.NeracaConfig;
import id.neraca.core.NeracaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The aggregate: and project: sections of the shipped configuration, and their validation. */
class ProjectConfigTest {
    @Test
    void shippedConfigurationLoadsWithBothTargets() {
        NeracaConfig.Loaded l = NeracaConfig.load(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml"));
        ProjectConfig p = l.config().project();
        assertEquals(2, p.targets().size());
        assertEquals(0, new BigDecimal("400000000000000").compareTo(p.targets().get(0).valueIdr()));
        assertEquals(0, new BigDecimal("4531000000000000").compareTo(p.targets().get(1).valueIdr()));
        assertEquals(2030, p.targets().get(1).year());
        assertEquals(ProjectConfig.CALIBRATION, p.coverage().method());
        assertEquals(12.0, p.scenarios().cagrBasePct());
        assertTrue(l.config().aggregate().csvCopy());
        assertEquals(ProjectConfig.defaults().targets(), p.targets(), "the YAML and the code defaults agree");
        assertEquals("artikel VIVA 2023", p.targets().get(0).label("id"), "the Indonesian label");
        assertEquals("digital_economy", p.targets().get(0).scope(), "the article quotes a digital-economy potential");
        assertEquals("VIVA 2023 article", p.targets().get(0).label("en"));
        assertEquals("digital_economy", p.targets().get(1).scope(), "the ministries' figure is wider than e-commerce GMV");
    }

    @Test
    void badValuesStopTheRunNamingTheKey(@TempDir Path dir) throws Exception {
        assertUsage(dir, "project:\n  coverage:\n    method: factor\n", "project.coverage.factor");
        assertUsage(dir, "project:\n  scenarios:\n    cagr_low_pct: 30\n", "project.scenarios");
        assertUsage(dir, "project:\n  min_seasonal_months: 12\n", "project.min_seasonal_months");
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, year: 2050, value_idr: 1}\n", "project.targets[0].year");
        // before the reference data (FX rates, benchmarks): a typo for 2030, caught before Spark starts
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, year: 2010, value_idr: 1}\n",
                "project.targets[0].year must be between 2015 and project.horizon_end_year (2040), got 2010");
        // a target beyond the targets table's decimal(24,2) (exit 1 in the stage before)
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, year: 2030, value_idr: 4.531e25}\n",
                "project.targets[0].value_idr must be below Rp1,000,000,000 triliun");
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, year: 2030, value_idr: 1}\n    - {name: a, label: y, year: 2030, value_idr: 2}\n",
                "used twice");
        assertUsage(dir, "project:\n  coverage:\n    factr: 2\n", "factr");
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, label_id: ' ', year: 2030, value_idr: 1}\n",
                "project.targets[0].label_id");
        assertUsage(dir, "project:\n  coverage:\n    benchmarks_file: econ_benchmark.csv\n", "project.coverage.benchmarks_file");
        assertUsage(dir, "project:\n  coverage:\n    fx_file: fx.csv\n", "project.coverage.fx_file");
        assertUsage(dir, "project:\n  targets:\n    - {name: a, label: x, scope: internet, year: 2030, value_idr: 1}\n",
                "project.targets[0].scope");
        // a factor without method: factor would be ignored by the default calibration: said, not ignored
        assertUsage(dir, "project:\n  coverage:\n    factor: 5000\n", "project.coverage.factor is set (5000.0) but "
                + "project.coverage.method is 'benchmark_calibration'");
        assertUsage(dir, "project:\n  coverage:\n    method: benchmark_calibration\n    factor: 5000\n", "set project.coverage.method: factor");
        NeracaConfig ok = write(dir, "project:\n  coverage:\n    method: factor\n    factor: 2500\n").config();
        assertEquals(2500.0, ok.project().coverage().factor());
    }

    /** backtest.weighting: inverse_mase (the default), inverse_crps or equal; anything else stops the run naming the key. */
    @Test
    void weightingIsOneOfThreeNamedValues(@TempDir Path dir) throws Exception {
        assertUsage(dir, "project:\n  backtest:\n    weighting: inverse_crsp\n",
                "project.backtest.weighting must be inverse_mase, inverse_crps or equal, got 'inverse_crsp'");
        assertUsage(dir, "project:\n  backtest:\n    weighting: crps\n", "project.backtest.weighting");
        for (String w : new String[]{"inverse_mase", "inverse_crps", "equal"}) {
            assertEquals(w, write(dir, "project:\n  backtest:\n    weighting: " + w + "\n").config().project().backtest().weighting());
        }
        assertEquals(ProjectConfig.INVERSE_MASE, ProjectConfig.defaults().backtest().weighting(), "the code default");
    }

    /**
     * backtest.max_horizon_months: auto (the default) scores 12 months, and up to 36 when every longer horizon is still
     * scored at 12 origins; a number is taken as given; anything else stops the run naming the key.
     */
    @Test
    void maxHorizonIsAutoOrANumberUpTo36(@TempDir Path dir) throws Exception {
        ProjectConfig.BacktestSection auto = ProjectConfig.defaults().backtest();
        assertEquals("auto", auto.maxHorizonMonths(), "the code default");
        assertEquals("auto", NeracaConfig.load(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml")).config().project()
                .backtest().maxHorizonMonths(), "the shipped configuration");
        // clamp(months − 24 − 11, 12, 36)
        assertEquals(12, auto.maxHorizonFor(25));
        assertEquals(12, auto.maxHorizonFor(36), "the samples' three years: a year, as before auto");
        assertEquals(12, auto.maxHorizonFor(47));
        assertEquals(13, auto.maxHorizonFor(48));
        assertEquals(25, auto.maxHorizonFor(60));
        assertEquals(36, auto.maxHorizonFor(71));
        assertEquals(36, auto.maxHorizonFor(108));
        assertEquals(17, new ProjectConfig.BacktestSection(12, null, null, null).maxHorizonFor(40), "min_train_months 12");
        ProjectConfig.BacktestSection six = write(dir, "project:\n  backtest:\n    max_horizon_months: 6\n").config().project().backtest();
        assertEquals(6, six.maxHorizonFor(36));
        assertEquals(6, six.maxHorizonFor(108), "a number is not lengthened");
        assertEquals(36, write(dir, "project:\n  backtest:\n    max_horizon_months: 36\n").config().project().backtest().maxHorizonFor(40));
        assertUsage(dir, "project:\n  backtest:\n    max_horizon_months: 48\n",
                "project.backtest.max_horizon_months must be auto or a whole number between 1 and 36, got '48'");
        assertUsage(dir, "project:\n  backtest:\n    max_horizon_months: 0\n", "project.backtest.max_horizon_months");
        assertUsage(dir, "project:\n  backtest:\n    max_horizon_months: Auto\n", "got 'Auto'");
        assertUsage(dir, "project:\n  backtest:\n    max_horizon_months: 12.5\n", "project.backtest.max_horizon_months");
    }

    /**
     * backtest.min_interval_coverage: a share from 0 (no check) up to, not including, the 80% intervals' nominal
     * coverage; the shipped configuration and the code default agree; anything else stops the run naming the key.
     */
    @Test
    void minIntervalCoverageIsAShareBelowTheNominal(@TempDir Path dir) throws Exception {
        double shipped = NeracaConfig.load(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml")).config().project()
                .backtest().minIntervalCoverage();
        assertEquals(ProjectConfig.defaults().backtest().minIntervalCoverage(), shipped, "the YAML and the code default agree");
        assertEquals(ProjectConfig.BacktestSection.DEFAULT_MIN_INTERVAL_COVERAGE, shipped);
        assertEquals(0.3, write(dir, "project:\n  backtest:\n    min_interval_coverage: 0.3\n").config().project().backtest()
                .minIntervalCoverage());
        assertEquals(0.0, write(dir, "project:\n  backtest:\n    min_interval_coverage: 0\n").config().project().backtest()
                .minIntervalCoverage(), "0: no check");
        assertUsage(dir, "project:\n  backtest:\n    min_interval_coverage: 0.8\n",
                "project.backtest.min_interval_coverage must be at least 0 (0: no check) and below 0.8 (the intervals' nominal coverage), got 0.8");
        assertUsage(dir, "project:\n  backtest:\n    min_interval_coverage: -0.1\n", "project.backtest.min_interval_coverage");
        assertUsage(dir, "project:\n  backtest:\n    min_interval_coverage: 50\n", "got 50.0");
    }

    @Test
    void holidayIsNoneOrLebaranWithAWindowInDays(@TempDir Path dir) throws Exception {
        ProjectConfig.HolidaySection d = ProjectConfig.defaults().holiday();
        assertEquals("lebaran", d.effect(), "adopted 2 Dec 2026 (docs/PROJECTION.md §3)");
        assertEquals(30, d.daysBefore());
        assertEquals(0, d.daysAfter());
        assertEquals(30, d.calendar().daysBefore());
        assertNull(new ProjectConfig.HolidaySection("none", null, null).calendar(), "none: no regressor");
        ProjectConfig shipped = NeracaConfig.load(SparkTestBase.projectRoot().resolve("data/config/neraca.yaml")).config().project();
        assertEquals(ProjectConfig.defaults().holiday(), shipped.holiday(), "the YAML and the code defaults agree");
        ProjectConfig p = write(dir, "project:\n  holiday:\n    effect: lebaran\n    days_before: 21\n    days_after: 7\n")
                .config().project();
        assertEquals(21, p.holiday().calendar().daysBefore());
        assertEquals(7, p.holiday().calendar().daysAfter());
        assertUsage(dir, "project:\n  holiday:\n    effect: idul_fitri\n",
                "project.holiday.effect must be one of [none, lebaran], got 'idul_fitri'");
        assertUsage(dir, "project:\n  holiday:\n    effect: lebaran\n    days_before: 0\n", "project.holiday.days_before");
        assertUsage(dir, "project:\n  holiday:\n    days_before: 61\n", "project.holiday.days_before");
        assertUsage(dir, "project:\n  holiday:\n    days_after: -1\n", "project.holiday.days_after");
        assertUsage(dir, "project:\n  holiday:\n    days_after: 31\n", "project.holiday.days_after");
        assertUsage(dir, "project:\n  holiday:\n    window: 14\n", "window");
    }

    private static NeracaConfig.Loaded write(Path dir, String yaml) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, "run:\n  reference_dir: " + SparkTestBase.projectRoot().resolve("data/reference") + "\n" + yaml);
        return NeracaConfig.load(f, java.util.List.of("project"));
    }

    private static void assertUsage(Path dir, String yaml, String mention) throws Exception {
        NeracaException e = assertThrows(NeracaException.class, () -> write(dir, yaml), yaml);
        assertEquals(NeracaException.EXIT_USAGE, e.exitCode());
        assertTrue(e.getMessage().contains(mention), e.getMessage());
    }
}
