// Draws c100-accuracy-vs-flops.png from the committed result.json files, with the project classpath, from the repository root:
//   jshell --class-path "midl-experiments/target/classes:$(cat midl-experiments/target/classpath.txt)" docs/cifar-diagnosis/c100-accuracy-vs-flops.jsh
import io.github.midljava.report.Plots;
import java.nio.file.*;
import java.util.*;
import com.fasterxml.jackson.databind.*;
ObjectMapper om = new ObjectMapper(); om.enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
double[] accFlops(String p) throws Exception { JsonNode r = om.readTree(Files.readString(Path.of(p))); JsonNode f = r.get("midlLayerFlops"); return new double[]{ r.get("testAccuracy").asDouble()*100, f.get("honest").asDouble()/f.get("dense").asDouble(), r.get("activeRatio").asDouble()}; }
String base = "docs/cifar-diagnosis/runs/c100-";
String diag = "docs/cifar-diagnosis/runs/";
double[] r25 = accFlops(base+"zero-r0.25/result.json");
double[] r70 = accFlops(base+"zero-r0.7/result.json");
double[] r100 = accFlops(base+"zero-r1.0/result.json");
double[] r45 = accFlops(diag+"c100-lightzero/result.json");
double[] d1 = accFlops(diag+"c100-dense/result.json");
double[] z = {accFlops(diag+"c100-lightzero/result.json")[0], accFlops(diag+"c100-lightzero-s2/result.json")[0], accFlops(diag+"c100-lightzero-s3/result.json")[0]};
double[] dd = {accFlops(diag+"c100-dense/result.json")[0], accFlops(diag+"c100-dense-s2/result.json")[0], accFlops(diag+"c100-dense-s3/result.json")[0]};
double[] lr = {accFlops(diag+"c100-midl/result.json")[0], accFlops(diag+"c100-midl-s2/result.json")[0], accFlops(diag+"c100-midl-s3/result.json")[0]};
double[] lrF = accFlops(diag+"c100-midl/result.json");
double mean(double[] a){double s=0;for(double v:a)s+=v;return s/a.length;}
double sd(double[] a){double m=mean(a),s=0;for(double v:a)s+=(v-m)*(v-m);return Math.sqrt(s/(a.length-1));}
var series = List.of(
  new Plots.Series("MID-L, ZERO light, seed 1 (activeRatio 0.25, 0.45, 0.7, 1.0)", new double[]{r25[1], r45[1], r70[1], r100[1]}, new double[]{r25[0], r45[0], r70[0], r100[0]}, null),
  new Plots.Series("MID-L, ZERO light, 3 seeds (ratio 0.45)", new double[]{r45[1]}, new double[]{mean(z)}, new double[]{sd(z)}),
  new Plots.Series("MID-L, LOW_RANK light, 3 seeds (ratio 0.45)", new double[]{lrF[1]}, new double[]{mean(lr)}, new double[]{sd(lr)}),
  new Plots.Series("dense, 3 seeds (line: its mean)", new double[]{0.29, 1.0, 1.05}, new double[]{mean(dd), mean(dd), mean(dd)}, new double[]{0, sd(dd), 0}));
Plots.lineChart(Path.of("docs/cifar-diagnosis/c100-accuracy-vs-flops.png"), "CIFAR-100 (quick preset): test accuracy vs honest FLOPs of the MID-L layers", "honest FLOPs of the two hidden layers, relative to dense", "test accuracy [%]", series, false);
System.out.printf("r0.25 %.2f %.3f | r0.45 %.2f %.3f | r0.7 %.2f %.3f | r1.0 %.2f %.3f | dense %.2f±%.2f | zero %.2f±%.2f | lowrank %.2f±%.2f %.3f%n", r25[0], r25[1], r45[0], r45[1], r70[0], r70[1], r100[0], r100[1], mean(dd), sd(dd), mean(z), sd(z), mean(lr), sd(lr), lrF[1]);
/exit
