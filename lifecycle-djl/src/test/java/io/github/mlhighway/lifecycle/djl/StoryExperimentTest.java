package io.github.mlhighway.lifecycle.djl;

import io.github.mlhighway.lifecycle.core.evaluation.BinaryData;
import io.github.mlhighway.lifecycle.core.evaluation.Evaluator;
import io.github.mlhighway.lifecycle.evaluation.StandardMetric;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;
import org.junit.jupiter.api.Test;

class StoryExperimentTest {
    record Day(String loc, LocalDate date, float[] x, int label) {}
    static final String[] WEATHER = {"drizzle", "rain", "sun", "snow", "fog"};

    static List<Day> days() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(StoryExperimentTest.class.getResourceAsStream("/data/weather.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String l; (l = r.readLine()) != null; ) rows.add(l.split(","));
        }
        List<Day> out = new ArrayList<>();
        for (int i = 0; i + 1 < rows.size(); i++) {
            String[] f = rows.get(i), g = rows.get(i + 1);
            if (!f[0].equals(g[0])) continue;
            LocalDate d = LocalDate.parse(f[1]);
            double p = Double.parseDouble(f[2]);
            float[] x = new float[6 + WEATHER.length];
            x[0] = (float) (Math.log1p(p) - 0.8);
            x[1] = (Float.parseFloat(f[3]) - 16f) / 8f;
            x[2] = (Float.parseFloat(f[4]) - 8f) / 6f;
            x[3] = (Float.parseFloat(f[5]) - 3.5f) / 1.5f;
            double a = 2 * Math.PI * d.getDayOfYear() / 365.25;
            x[4] = (float) Math.sin(a); x[5] = (float) Math.cos(a);
            for (int k = 0; k < WEATHER.length; k++) x[6 + k] = WEATHER[k].equals(f[6]) ? 1f : 0f;
            out.add(new Day(f[0], d, x, Double.parseDouble(g[2]) > 0 ? 1 : 0));
        }
        return out;
    }

    static double auc(TrainedDjlModel m, List<Day> ds) {
        double[] p = m.predictProbabilities(ds.stream().map(Day::x).toArray(float[][]::new));
        int[] y = ds.stream().mapToInt(Day::label).toArray();
        double acc = 0; for (int i = 0; i < y.length; i++) acc += ((p[i] >= 0.5 ? 1 : 0) == y[i]) ? 1 : 0;
        double auc = Evaluator.binary().resamples(50).build().evaluate(BinaryData.of(y, p, "m")).overall().get(StandardMetric.AUC.key()).orElseThrow().value();
        double brier=0; int[] ok=new int[3]; double[] ts={0.3,0.4,0.5};
        for (int i = 0; i < y.length; i++) { double pa = y[i]==1?p[i]:1-p[i]; brier += (p[i]-y[i])*(p[i]-y[i]); for(int t=0;t<3;t++) if(pa>=ts[t]) ok[t]++; }
        System.out.printf("   n=%d auc=%.4f acc=%.4f base=%.3f brier=%.4f ok30=%.3f ok40=%.3f ok50=%.3f meanp=%.3f%n", y.length, auc, acc / y.length, Arrays.stream(y).average().orElse(0), brier/y.length, ok[0]/(double)y.length, ok[1]/(double)y.length, ok[2]/(double)y.length, Arrays.stream(p).average().orElse(0));
        return auc;
    }

    static TrainedDjlModel train(List<Day> ds) {
        float[][] x = ds.stream().map(Day::x).toArray(float[][]::new);
        float[] y = new float[ds.size()]; for (int i = 0; i < y.length; i++) y[i] = ds.get(i).label();
        return DjlTrainer.builder(() -> DjlTrainer.mlp(16)).epochs(15).batchSize(32).learningRate(0.005f).seed(7).build().train(x, y);
    }

    @Test
    void story() throws IOException {
        List<Day> all = days();
        List<Day> seaTrain = all.stream().filter(d -> d.loc().equals("Seattle") && d.date().getYear() <= 2014 && d.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 5 != 0).toList();
        List<Day> seaHold = all.stream().filter(d -> d.loc().equals("Seattle") && d.date().getYear() <= 2014 && d.date().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 5 == 0).toList();
        List<Day> sea15 = all.stream().filter(d -> d.loc().equals("Seattle") && d.date().getYear() == 2015).toList();
        List<Day> nyHist = all.stream().filter(d -> d.loc().equals("New York") && d.date().getYear() <= 2014).toList();
        List<Day> ny15 = all.stream().filter(d -> d.loc().equals("New York") && d.date().getYear() == 2015).toList();
        try (TrainedDjlModel champ = train(seaTrain)) {
            System.out.println("champion on seattle holdout"); auc(champ, seaHold);
            System.out.println("champion on seattle 2015"); auc(champ, sea15);
            System.out.println("champion on NY 2012-14"); auc(champ, nyHist);
            System.out.println("champion on NY 2015"); auc(champ, ny15);
        }
        for (int start : new int[] {90, 120, 181}) {
            for (int n : new int[] {30, 60, 90}) {
                List<Day> seen = ny15.stream().filter(d -> d.date().getDayOfYear() > start && d.date().getDayOfYear() <= start + n).toList();
                try (TrainedDjlModel ch = train(seen)) {
                    System.out.println("challenger NY doy " + start + "+" + n + " on NY 2012-14"); auc(ch, nyHist);
                }
                List<Day> mix = new ArrayList<>(seen); mix.addAll(seaTrain);
                try (TrainedDjlModel ch = train(mix)) {
                    System.out.println("mix challenger NY doy " + start + "+" + n + " on NY 2012-14"); auc(ch, nyHist);
                }
            }
        }
    }
}
