package id.neraca.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Map;

/**
 * The report's charts, drawn with JFreeChart and written as SVG (JFreeSVG, text kept as {@code <text>}
 * elements so it stays searchable and sharp) and as PNG. Charts only ever show published (not suppressed)
 * values. Needs a headless AWT ({@code -Djava.awt.headless=true}) and a font (DejaVu Sans on Debian).
 */
public final class Charts {
    private Charts() {}

    /**
     * One chart in both formats. {@code svgInline} has no fixed size (a viewBox) so it scales with the page. The PNG is
     * encoded in the background ({@code encodedPng}); {@link #png()} waits for it.
     */
    public record Figure(String name, String svgInline, String svgDocument, java.util.concurrent.CompletableFuture<byte[]> encodedPng,
                         int width, int height) {
        /** The PNG's bytes, once encoded. */
        public byte[] png() {
            try {
                return encodedPng.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
    }

    public static final Map<String, Color> CLASS_COLOURS = Map.of(
            "LOCAL_UMKM", new Color(0x1b, 0x78, 0x37),
            "LOCAL_LARGE", new Color(0x7f, 0xbf, 0x7b),
            "IMPORTED", new Color(0xe0, 0x82, 0x14),
            "CROSS_BORDER", new Color(0xb2, 0x18, 0x2b),
            "UNKNOWN", new Color(0xbd, 0xbd, 0xbd),
            "WITHHELD", new Color(0x6b, 0x6b, 0x8a));
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    /** The projection's interval bands, opaque: the legend shows exactly these. */
    static final Color BAND_95 = new Color(0xc3, 0xdf, 0xed);
    static final Color BAND_80 = new Color(0x95, 0xc4, 0xde);
    private static final String FONT = "DejaVu Sans";

    static {
        System.setProperty("java.awt.headless", "true");
        // JFreeChart draws a rotated string (a vertical axis's label: "IDR trillion per year", "Share of GMV") through
        // a TextLayout by default, which JFreeSVG writes as glyph outlines: the label was a path, not <text>. Without
        // the workaround it is rotate + drawString, a <text> element with a transform (the PNG looks the same).
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Labels a chart needs, already in the report's language. */
    public record Labels(String title, String xLabel, String yLabel, Map<String, String> series) {}

    /**
     * Stacked bars: the share of GMV by origin class per period ({@code periods} in order, each a map
     * class → percent; missing classes are left out of that bar).
     */
    public static Figure stackedShares(String name, Labels l, List<String> periods, List<Map<String, BigDecimal>> shares,
                                       List<String> classes, boolean horizontal, LocaleFormat fmt, int width, int height) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (String cls : classes) {
            for (int i = 0; i < periods.size(); i++) {
                BigDecimal v = shares.get(i).get(cls);
                ds.addValue(v == null ? null : drawn(v), l.series().get(cls), periods.get(i));
            }
        }
        JFreeChart chart = org.jfree.chart.ChartFactory.createStackedBarChart(l.title(), l.xLabel(), l.yLabel(), ds);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        style(chart);
        StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(horizontal ? 0.08 : 0.12);
        for (int i = 0; i < classes.size(); i++) r.setSeriesPaint(i, CLASS_COLOURS.get(classes.get(i)));
        if (!horizontal) {
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", valueFormat(fmt)));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 11));
            r.setDefaultItemLabelPaint(Color.WHITE);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 100);
        y.setTickUnit(new NumberTickUnit(20));
        y.setNumberFormatOverride(tickFormat(fmt, y, "%"));
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
        // room for a row's name and its value ("Beauty and personal care · IDR 8.8 million"), cut to "…" before
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        return render(name, chart, width, height);
    }

    /** Horizontal bars of one percentage per row (e.g. the local UMKM share per province). */
    public static Figure bars(String name, Labels l, List<String> rows, List<BigDecimal> values, Color colour,
                              LocaleFormat fmt, int width, int height) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String series = l.series().getOrDefault("value", "value");
        for (int i = 0; i < rows.size(); i++) ds.addValue(drawn(values.get(i)), series, rows.get(i));
        JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(l.title(), l.xLabel(), l.yLabel(), ds,
                PlotOrientation.HORIZONTAL, false, false, false);
        theme().apply(chart);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, colour);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", valueFormat(fmt)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 10));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 105);
        y.setNumberFormatOverride(tickFormat(fmt, y, "%"));
        plot.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 10));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        return render(name, chart, width, height);
    }

    /** A target drawn as a horizontal line. */
    public record TargetLine(String label, BigDecimal value, Color colour) {}

    /**
     * The projection: observed history (points and line), the projected central line with its 80% and 95%
     * bands, and each target as a horizontal line. Values are shown in trillions of rupiah.
     */
    public static Figure projection(String name, Labels l, List<ReportData.Point> points, List<TargetLine> targets,
                                    LocaleFormat fmt, int width, int height) {
        XYSeries observed = new XYSeries(l.series().get("observed"));
        YIntervalSeries band95 = new YIntervalSeries(l.series().get("band95"));
        YIntervalSeries band80 = new YIntervalSeries(l.series().get("band80"));
        XYSeries central = new XYSeries(l.series().get("central"));
        ReportData.Point lastObserved = null;
        for (ReportData.Point p : points) {
            if (p.value() == null) continue;
            if (p.kind().equals("OBSERVED")) {
                observed.add(p.x(), t(p.value()));
                lastObserved = p;
            }
        }
        if (lastObserved != null) {
            // the bands start from the last observation so the fan opens where the data ends
            double v = t(lastObserved.value());
            band95.add(lastObserved.x(), v, v, v);
            band80.add(lastObserved.x(), v, v, v);
            central.add(lastObserved.x(), v);
        }
        for (ReportData.Point p : points) {
            if (!p.kind().equals("PROJECTED") || p.value() == null) continue;
            double v = t(p.value());
            central.add(p.x(), v);
            band95.add(p.x(), v, t(or(p.lo95(), p.value())), t(or(p.hi95(), p.value())));
            band80.add(p.x(), v, t(or(p.lo80(), p.value())), t(or(p.hi80(), p.value())));
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(observed);
        lines.addSeries(central);

        NumberAxis x = new NumberAxis(l.xLabel());
        x.setAutoRangeIncludesZero(false);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(yearFormat());
        NumberAxis y = new NumberAxis(l.yLabel());
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(tickFormat(fmt, y, ""));
        XYPlot plot = new XYPlot(lines, x, y, null);
        JFreeChart chart = new JFreeChart(l.title(), new Font(FONT, Font.BOLD, 15), plot, true);
        theme().apply(chart);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(yearFormat());
        y.setNumberFormatOverride(tickFormat(fmt, y, ""));
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, INK);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2f));
        lineRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        lineRenderer.setSeriesPaint(1, new Color(0x21, 0x66, 0xac));
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        lineRenderer.setSeriesShapesVisible(1, false);
        plot.setRenderer(0, lineRenderer);
        // shapes on, but empty in the plot: the legend then shows each band as a filled box
        DeviationRenderer bandRenderer = new DeviationRenderer(false, true);
        for (int i = 0; i < 2; i++) {
            bandRenderer.setSeriesShape(i, new Rectangle2D.Double(0, 0, 0, 0));
            bandRenderer.setLegendShape(i, new Rectangle2D.Double(-8, -5, 16, 10));
        }
        bandRenderer.setUseFillPaint(true);
        bandRenderer.setDefaultShapesFilled(true);
        // opaque, so that each band is drawn in the colour its legend box shows: the bands were translucent (alpha 0.55)
        // and the 95% band lay over the 80% one, which came out #95c4de, the legend's 95% colour, while the legend's 80%
        // box matched nothing in the plot (the print audit of 2 Dec 2026). These are the colours the bands had on white.
        bandRenderer.setSeriesFillPaint(0, BAND_95);
        bandRenderer.setSeriesFillPaint(1, BAND_80);
        bandRenderer.setSeriesPaint(0, BAND_95);
        bandRenderer.setSeriesPaint(1, BAND_80);
        bandRenderer.setAlpha(1f);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        // the 80% band over the 95% one, and the lines over both
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        double maxY = 0;
        for (ReportData.Point p : points) {
            maxY = Math.max(maxY, t(or(p.hi95(), p.value() == null ? BigDecimal.ZERO : p.value())));
        }
        for (TargetLine tl : targets) {
            if (tl.value() == null) continue;
            ValueMarker m = new ValueMarker(t(tl.value()), tl.colour(), new BasicStroke(1.8f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[]{2f, 3f}, 0f));
            m.setLabel(tl.label());
            m.setLabelFont(new Font(FONT, Font.BOLD, 11));
            m.setLabelPaint(tl.colour());
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(m);
            maxY = Math.max(maxY, t(tl.value()));
        }
        y.setRange(0, maxY * 1.12 + 1e-9);
        style(chart);
        return render(name, chart, width, height);
    }

    // ---------------------------------------------------------------- drawing

    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 15));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 12));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 11));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setTitlePaint(INK);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        return theme;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        if (chart.getPlot() instanceof CategoryPlot cp) {
            cp.setOutlineVisible(false);
            cp.setRangeGridlinePaint(GRID);
            cp.setBackgroundPaint(Color.WHITE);
        } else if (chart.getPlot() instanceof XYPlot xp) {
            xp.setOutlineVisible(false);
            xp.setRangeGridlinePaint(GRID);
            xp.setDomainGridlinePaint(GRID);
            xp.setBackgroundPaint(Color.WHITE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(new Font(FONT, Font.PLAIN, 11));
        }
    }

    private static Figure render(String name, JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(name.replaceAll("[^A-Za-z0-9]", "_") + "_");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        String inline = g2.getSVGElement("fig-" + name, false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        String doc = g2.getSVGDocument();
        // twice the size, so the PNG stays sharp on slides and high-density screens: what ChartUtils.writeScaledChartAsPNG
        // does, drawn here and only encoded in the background (the same bytes). Charts are drawn on one thread only:
        // JDK fonts measured for the first time on two threads at once could lay a legend out taller (a run of 2 Dec 2026
        // drew the English headline chart's legend with each label above its colour box, when the languages were drawn
        // side by side); encoding touches no font.
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width * 2, height * 2,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.transform(java.awt.geom.AffineTransform.getScaleInstance(2.0, 2.0));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, null);
        g.setTransform(saved);
        g.dispose();
        java.util.concurrent.CompletableFuture<byte[]> png = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ChartUtils.encodeAsPNG(image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Figure(name, inline, doc, png, width, height);
    }

    private static double t(BigDecimal idr) {
        return idr.movePointLeft(12).doubleValue();
    }

    private static BigDecimal or(BigDecimal a, BigDecimal b) {
        return a == null ? b : a;
    }

    /**
     * A share as a chart draws it: as the tables print it, to one decimal. Drawn exactly, a bar's SVG geometry (six
     * decimals) gave every share to 10⁻⁴ points, finer than any published figure (the audit read 25.8641% off a bar the
     * table prints as 25.9%). A non-zero share below 0.05 is drawn as 0.04: a sliver labelled "&lt;0.1%", whatever its size.
     */
    static double drawn(BigDecimal share) {
        BigDecimal r = share.setScale(1, java.math.RoundingMode.HALF_UP);
        return r.signum() == 0 && share.signum() > 0 ? 0.04 : r.doubleValue();
    }

    /** A value drawn on a bar: a percentage with one decimal, as the tables write it ({@code <0.1%} for a sliver). */
    private static NumberFormat valueFormat(LocaleFormat fmt) {
        return new SimpleFormat(v -> fmt.pct(BigDecimal.valueOf(v)));
    }

    /**
     * An axis's tick labels, all with the same decimals: as many as the axis's tick unit needs when the axis is
     * drawn (a unit of 20 or 500: none; 2.5: one). Judging each tick on its own wrote "0.0% | 10.0% | 20%".
     */
    static NumberFormat tickFormat(LocaleFormat fmt, NumberAxis axis, String suffix) {
        return new SimpleFormat(v -> fmt.decimal(v, decimals(axis.getTickUnit().getSize())) + suffix);
    }

    static int decimals(double tickUnit) {
        if (!(tickUnit > 0) || Double.isInfinite(tickUnit)) return 0;
        BigDecimal u = new BigDecimal(Double.toString(tickUnit)).stripTrailingZeros();
        return Math.min(Math.max(0, u.scale()), 4);
    }

    private static NumberFormat yearFormat() {
        return new SimpleFormat(v -> String.valueOf((long) Math.rint(v)));
    }

    /** A NumberFormat backed by a function, for axis and item labels in the report's language. */
    private static final class SimpleFormat extends NumberFormat {
        private final java.util.function.DoubleFunction<String> f;

        SimpleFormat(java.util.function.DoubleFunction<String> f) {
            this.f = f;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(f.apply(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(f.apply(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException();
        }
    }
}
