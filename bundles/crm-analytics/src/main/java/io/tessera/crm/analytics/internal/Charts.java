package io.tessera.crm.analytics.internal;

import io.tessera.crm.analytics.internal.Reports.Forecast;
import io.tessera.crm.analytics.internal.Reports.ForecastMonth;
import io.tessera.crm.analytics.internal.Reports.Funnel;
import io.tessera.crm.analytics.internal.Reports.FunnelStage;
import io.tessera.crm.api.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG charts drawn with XChart (embedded in this bundle; only its bitmap encoder is used). */
final class Charts {
    static final int DEFAULT_WIDTH = 800;
    static final int DEFAULT_HEIGHT = 500;
    static final int MIN_SIZE = 100;
    static final int MAX_SIZE = 4000;

    private Charts() {
    }

    /** Width and height from optional parameters, checked against [100, 4000]. */
    static int size(String name, Long value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < MIN_SIZE || value > MAX_SIZE) {
            throw new ValidationException(name, "must be between " + MIN_SIZE + " and " + MAX_SIZE);
        }
        return value.intValue();
    }

    /** Bars: deals entering each stage in the period. */
    static byte[] funnel(Funnel funnel, int width, int height) {
        CategoryChart chart = chart(width, height, "Funnel: " + funnel.pipeline() + ", " + funnel.from() + " to "
                + funnel.to().minusDays(1), "Stage", "Deals entered");
        chart.getStyler().setLegendVisible(false);
        List<String> stages = new ArrayList<>();
        List<Number> entered = new ArrayList<>();
        for (FunnelStage s : funnel.stages()) {
            stages.add(s.name());
            entered.add(s.entered());
        }
        if (stages.isEmpty()) {
            stages.add("(no stages)");
            entered.add(0);
        }
        chart.addSeries("Deals entered", stages, entered);
        return png(chart);
    }

    /** Bars per expected close month: the weighted open amount, one series per currency. */
    static byte[] forecast(Forecast forecast, int width, int height) {
        CategoryChart chart = chart(width, height, "Forecast: " + forecast.pipeline()
                + " (open amount x stage probability)", "Expected close month", "Weighted amount");
        List<String> months = forecast.months().stream().map(ForecastMonth::month).toList();
        TreeSet<String> currencies = new TreeSet<>();
        forecast.months().forEach(m -> currencies.addAll(m.weighted().keySet()));
        if (months.isEmpty() || currencies.isEmpty()) {
            chart.getStyler().setLegendVisible(false);
            chart.addSeries("No open deals", List.of("-"), List.of(0));
            return png(chart);
        }
        for (String currency : currencies) {
            List<Number> values = new ArrayList<>();
            for (ForecastMonth m : forecast.months()) {
                values.add(m.weighted().getOrDefault(currency, BigDecimal.ZERO).doubleValue());
            }
            chart.addSeries(currency, months, values);
        }
        return png(chart);
    }

    private static CategoryChart chart(int width, int height, String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(x)
                .yAxisTitle(y).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
