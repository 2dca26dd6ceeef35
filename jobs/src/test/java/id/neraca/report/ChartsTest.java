package id.neraca.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' text: tick labels of one axis share their decimals, values drawn on bars read as in the tables. */
class ChartsTest {
    private static List<String> texts(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static int decimalsOf(String label, char sep) {
        String n = label.replace("%", "");
        int i = n.indexOf(sep);
        return i < 0 ? 0 : n.length() - i - 1;
    }

    /** The category chart (horizontal stacked shares, no values on the bars): its only percentages are the axis ticks. */
    @Test
    void tickLabelsOfTheShareAxisHaveTheSameDecimals() {
        for (String lang : List.of("en", "id")) {
            LocaleFormat f = LocaleFormat.of(lang);
            List<Map<String, BigDecimal>> shares = new ArrayList<>();
            Map<String, BigDecimal> a = new LinkedHashMap<>();
            a.put("LOCAL_UMKM", new BigDecimal("63.2"));
            a.put("IMPORTED", new BigDecimal("36.8"));
            shares.add(a);
            Map<String, BigDecimal> b = new LinkedHashMap<>();
            b.put("LOCAL_UMKM", new BigDecimal("12.4"));
            b.put("UNKNOWN", new BigDecimal("87.6"));
            shares.add(b);
            Map<String, String> names = new LinkedHashMap<>();
            for (String c : ReportData.CLASSES) names.put(c, c);
            Charts.Figure fig = Charts.stackedShares("t_" + lang, new Charts.Labels("title", "", "share", names),
                    List.of("row a", "row b"), shares, ReportData.CLASSES, true, f, 600, 300);
            List<String> ticks = texts(fig.svgDocument()).stream().filter(s -> s.endsWith("%")).toList();
            assertEquals(6, ticks.size(), lang + ": 0% to 100% by 20: " + ticks);
            char sep = lang.equals("id") ? ',' : '.';
            for (String t : ticks) assertEquals(decimalsOf(ticks.get(0), sep), decimalsOf(t, sep), lang + ": " + ticks);
            assertEquals(List.of("0%", "20%", "40%", "60%", "80%", "100%"), ticks);
        }
    }

    @Test
    void aTickUnitWithDecimalsGivesEveryTickThem() {
        LocaleFormat en = LocaleFormat.of("en");
        org.jfree.chart.axis.NumberAxis axis = new org.jfree.chart.axis.NumberAxis();
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(2.5));
        java.text.NumberFormat f = Charts.tickFormat(en, axis, "%");
        assertEquals(List.of("0.0%", "2.5%", "5.0%", "10.0%"), List.of(f.format(0.0), f.format(2.5), f.format(5.0), f.format(10.0)));
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(500));
        java.text.NumberFormat g = Charts.tickFormat(LocaleFormat.of("id"), axis, "");
        assertEquals(List.of("0", "500", "1.000"), List.of(g.format(0.0), g.format(500.0), g.format(1000.0)));
    }

    /**
     * A chart draws the shares the tables print (one decimal), not the exact ones: the SVG of 25.8641% is the SVG of
     * 25.9%, and every sliver below 0.05% is the same sliver.
     */
    @Test
    void chartsDrawTheSharesAsPrintedNotFiner() {
        LocaleFormat en = LocaleFormat.of("en");
        Map<String, String> names = new LinkedHashMap<>();
        for (String c : ReportData.CLASSES) names.put(c, c);
        List<String> svgs = new ArrayList<>();
        for (String[] v : new String[][]{{"25.8641", "74.1359", "0.0123"}, {"25.9", "74.1", "0.04"}}) {
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            row.put("LOCAL_UMKM", new BigDecimal(v[0]));
            row.put("IMPORTED", new BigDecimal(v[1]));
            row.put("UNKNOWN", new BigDecimal(v[2]));
            svgs.add(Charts.stackedShares("s", new Charts.Labels("t", "", "share", names), List.of("row"), List.of(row),
                    ReportData.CLASSES, false, en, 600, 300).svgDocument()
                    + Charts.bars("b", new Charts.Labels("t", "", "share", Map.of("value", "v")), List.of("a", "b"),
                    List.of(new BigDecimal(v[0]), new BigDecimal(v[2])), java.awt.Color.BLUE, en, 600, 200).svgDocument());
        }
        assertEquals(svgs.get(1), svgs.get(0));
        assertEquals(0.0, Charts.drawn(BigDecimal.ZERO));
    }

    /** Values on the province bars read like the tables: one decimal, a sliver as "<0.1%". */
    @Test
    void valuesOnBarsReadAsInTheTables() {
        LocaleFormat id = LocaleFormat.of("id");
        Charts.Figure fig = Charts.bars("b", new Charts.Labels("t", "", "share", Map.of("value", "v")), List.of("a", "b", "c"),
                List.of(new BigDecimal("70.7"), new BigDecimal("20"), new BigDecimal("0.04")), java.awt.Color.BLUE, id, 600, 200);
        List<String> texts = texts(fig.svgDocument());
        assertTrue(texts.contains("70,7%") && texts.contains("20,0%") && (texts.contains("<0,1%") || texts.contains("&lt;0,1%")), texts.toString());
    }
    /**
     * A vertical axis's label is drawn rotated. JFreeChart's default workaround for rotated strings draws them
     * through a TextLayout, which JFreeSVG writes as glyph outlines: the projection chart's unit ("IDR trillion per
     * year") and the share chart's "Share of GMV" were paths, neither searchable nor translatable in the SVG.
     */
    @Test
    void rotatedAxisLabelsAreTextInTheSvg() {
        LocaleFormat en = LocaleFormat.of("en");
        List<ReportData.Point> points = List.of(
                new ReportData.Point("2024", "OBSERVED", new BigDecimal("1000000000000000"), null, null, null, null),
                new ReportData.Point("2025", "PROJECTED", new BigDecimal("1200000000000000"),
                        new BigDecimal("1100000000000000"), new BigDecimal("1300000000000000"),
                        new BigDecimal("1000000000000000"), new BigDecimal("1400000000000000")));
        Map<String, String> series = Map.of("observed", "Observed", "central", "Central", "band80", "80%", "band95", "95%");
        Charts.Figure p = Charts.projection("p", new Charts.Labels("title", "Year", "IDR trillion per year", series),
                points, List.of(), en, 760, 460);
        assertTrue(texts(p.svgDocument()).contains("IDR trillion per year"), texts(p.svgDocument()).toString());
        Map<String, String> names = new LinkedHashMap<>();
        for (String c : ReportData.CLASSES) names.put(c, c);
        Charts.Figure s = Charts.stackedShares("s", new Charts.Labels("title", "Year", "Share of GMV", names),
                List.of("2024"), List.of(Map.of("LOCAL_UMKM", new BigDecimal("40"), "IMPORTED", new BigDecimal("60"))),
                ReportData.CLASSES, false, en, 760, 420);
        assertTrue(texts(s.svgDocument()).contains("Share of GMV"), texts(s.svgDocument()).toString());
    }

    /**
     * Each interval band is drawn in the colour its legend box shows. The bands were translucent and the 95% band lay over
     * the 80% one: the 80% band came out in the legend's 95% colour, and the legend's 80% colour was nowhere in the plot
     * (the print audit of 2 Dec 2026, on the samples' chart). Read off the PNG: every legend box's colour must cover a
     * band, many times the box's own area.
     */
    @Test
    void theProjectionBandsHaveTheColoursOfTheirLegendBoxes() throws Exception {
        LocaleFormat en = LocaleFormat.of("en");
        List<ReportData.Point> points = new ArrayList<>();
        points.add(new ReportData.Point("2024", "OBSERVED", new BigDecimal("1000000000000000"), null, null, null, null));
        points.add(new ReportData.Point("2025", "OBSERVED", new BigDecimal("1200000000000000"), null, null, null, null));
        for (int y = 2026; y <= 2032; y++) {
            double k = y - 2025;
            points.add(new ReportData.Point(String.valueOf(y), "PROJECTED", bn(1200 + 150 * k), bn(1200 + 60 * k), bn(1200 + 260 * k),
                    bn(1200 - 20 * k), bn(1200 + 420 * k)));
        }
        Map<String, String> series = Map.of("observed", "Observed", "central", "Central", "band80", "80% interval", "band95", "95% interval");
        Charts.Figure p = Charts.projection("p", new Charts.Labels("title", "Year", "IDR trillion per year", series),
                points, List.of(), en, 760, 460);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(p.png()));
        Map<Integer, Integer> pixels = new java.util.HashMap<>();
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) pixels.merge(png.getRGB(x, y) & 0xffffff, 1, Integer::sum);
        }
        String svg = p.svgDocument();
        int legendBox = 16 * 10 * 4; // the legend's 16 x 10 box, drawn at twice the size in the PNG
        for (String label : List.of("80% interval", "95% interval")) {
            // the legend box's fill: the last fill before the label's text
            String before = svg.substring(0, svg.indexOf(">" + label + "</text>"));
            Matcher fill = Pattern.compile("fill:rgb\\((\\d+),(\\d+),(\\d+)\\)").matcher(before);
            int rgb = -1;
            while (fill.find()) rgb = (Integer.parseInt(fill.group(1)) << 16) | (Integer.parseInt(fill.group(2)) << 8) | Integer.parseInt(fill.group(3));
            int covered = pixels.getOrDefault(rgb, 0);
            assertTrue(covered > 20 * legendBox, label + ": its legend colour #" + Integer.toHexString(rgb) + " covers " + covered
                    + " pixels of the PNG, the legend box alone " + legendBox);
        }
    }

    private static BigDecimal bn(double trillions) {
        return BigDecimal.valueOf(trillions).movePointRight(12);
    }
}
