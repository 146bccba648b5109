package io.tessera.crm.analytics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.ValidationException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The PNG charts are real PNGs of the requested size. */
public class ChartsTest {
    private static final Caller MANAGER = Caller.of("maria", Roles.MANAGER);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static AnalyticsFixture fx;

    @BeforeClass
    public static void seed() {
        fx = new AnalyticsFixture().seedStandardSet();
    }

    @AfterClass
    public static void close() {
        fx.close();
    }

    private static BufferedImage read(byte[] png) throws IOException {
        assertEquals(true, Arrays.equals(PNG_SIGNATURE, Arrays.copyOf(png, 8)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image);
        return image;
    }

    @Test
    public void funnelPng() throws IOException {
        BufferedImage image = read(Charts.funnel(fx.service.funnel(MANAGER, null, "2026-01-01", "2026-04-01"),
                640, 480));
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    public void forecastPngWithSeveralCurrencies() throws IOException {
        BufferedImage image = read(Charts.forecast(fx.service.forecast(MANAGER, null, null, null), 1024, 300));
        assertEquals(1024, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    public void emptyFiguresStillDraw() throws IOException {
        Reports.Forecast empty = new Reports.Forecast(1, "Sales", null, null, List.of());
        BufferedImage image = read(Charts.forecast(empty, Charts.DEFAULT_WIDTH, Charts.DEFAULT_HEIGHT));
        assertEquals(800, image.getWidth());
        Reports.Funnel none = fx.service.funnel(MANAGER, null, "2020-01-01", "2020-02-01");
        assertEquals(500, read(Charts.funnel(none, 800, 500)).getHeight());
    }

    @Test
    public void sizeIsChecked() {
        assertEquals(800, Charts.size("width", null, 800));
        assertEquals(100, Charts.size("width", 100L, 800));
        assertEquals("height", assertThrows(ValidationException.class, () -> Charts.size("height", 5000L, 500))
                .errors().get(0).field());
        assertThrows(ValidationException.class, () -> Charts.size("width", 99L, 800));
    }
}
