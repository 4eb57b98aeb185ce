package org.modecollapselab.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.plot.Charts;

class LiveViewTest {
    @Test
    void updatesOneTextOutputAndOneChartInPlace() {
        List<Object> displayed = new ArrayList<>();
        List<String> updatedIds = new ArrayList<>();
        List<Object> updates = new ArrayList<>();
        LiveView view = new LiveView(o -> {
            displayed.add(o);
            return "id" + displayed.size();
        }, (id, o) -> {
            updatedIds.add(id);
            updates.add(o);
        }, 0);
        var data = TemperatureData.aliceSpringsAndSouthPole();
        Gan gan = Gan.create(data, GanConfig.temperatureCollapse().withBatchSize(16));
        gan.train(30, view.progress((g, s) -> Charts.histogram(data.sample(100, 1L), s.values(), 20, "t", "°C")));
        assertEquals(2, displayed.size(), "one text output and one chart");
        assertInstanceOf(String.class, displayed.get(0));
        assertInstanceOf(BufferedImage.class, displayed.get(1));
        assertTrue(updatedIds.stream().allMatch(id -> id.equals("id1") || id.equals("id2")));
        Object last = updates.get(updates.size() - 1);
        assertTrue(last.toString().startsWith("Done: steps 1–30"), last.toString());
        assertTrue(updates.stream().anyMatch(u -> u.toString().startsWith("step 30/30 (100%)")));
    }
}
