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

    @Test
    void downloadProgressIsOneLineUpdatedInPlaceWithTheMessages() {
        List<Object> displayed = new ArrayList<>();
        List<Object> updates = new ArrayList<>();
        LiveView view = new LiveView(o -> {
            displayed.add(o);
            return "id" + displayed.size();
        }, (id, o) -> updates.add(id + ":" + o), 0);
        var listener = view.downloads();
        var f = org.modecollapselab.data.mnist.MnistSplit.TRAIN.images();
        listener.progress(f, 0, f.bytes(), "mirror.example");
        listener.progress(f, f.bytes() / 2, f.bytes(), "mirror.example");
        listener.message("train-images-idx3-ubyte.gz: downloaded from mirror.example, SHA-256 verified");
        listener.progress(f, f.bytes(), f.bytes(), "mirror.example");
        assertEquals(1, displayed.size(), "one output");
        String last = updates.get(updates.size() - 1).toString();
        assertTrue(last.startsWith("id1:train-images-idx3-ubyte.gz: downloaded from mirror.example, SHA-256 verified\n"
                + "Downloading train-images-idx3-ubyte.gz from mirror.example: 9.9 of 9.9 MB (100%)"), last);
        assertTrue(updates.stream().anyMatch(u -> u.toString().contains("5.0 of 9.9 MB (50%)")), updates.toString());
    }
}
