package io.github.midljava.experiment.suite.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SparkMasterTest {

    @Test
    void givenLocalN_whenParse_thenEmbeddedClusterOfNOneRunExecutors() {
        // Given / When
        SparkMaster m = SparkMaster.parse("local[3]");

        // Then
        assertThat(m.kind()).isEqualTo(SparkMaster.Kind.LOCAL);
        assertThat(m.embedded()).isTrue();
        assertThat(m.sparkUrl(2, 1024)).isEqualTo("local-cluster[3,2,1024]");
        assertThat(SparkMaster.parse("local").sparkUrl(1, 512)).isEqualTo("local-cluster[1,1,512]");
    }

    @Test
    void givenLocalStar_whenParse_thenOneRunPerThreadsPerRunCores() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(SparkMaster.parse("local[*]").concurrentRuns(1)).isEqualTo(cores);
        assertThat(SparkMaster.parse("local[*]").concurrentRuns(cores + 1)).isEqualTo(1);
    }

    @Test
    void givenStandaloneUrl_whenParse_thenPassedThroughWithItsAddresses() {
        SparkMaster m = SparkMaster.parse("spark://127.0.0.1:7077,localhost:7078");

        assertThat(m.kind()).isEqualTo(SparkMaster.Kind.STANDALONE);
        assertThat(m.embedded()).isFalse();
        assertThat(m.sparkUrl(2, 1024)).isEqualTo("spark://127.0.0.1:7077,localhost:7078");
        assertThat(m.addresses()).hasSize(2);
        assertThat(m.addresses().get(1).getPort()).isEqualTo(7078);
    }

    @Test
    void givenUnknownUrl_whenParse_thenOneLineNamingItAndTheAcceptedForms() {
        assertThatThrownBy(() -> SparkMaster.parse("mesos://host:5050"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown master URL 'mesos://host:5050'")
                .hasMessageContaining("local[N]")
                .hasMessageContaining("spark://HOST:PORT")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SparkMaster.parse("spark://host"))
                .hasMessageContaining("expected spark://HOST:PORT");
        assertThatThrownBy(() -> SparkMaster.parse("local[0]"))
                .hasMessageContaining("must be >= 1");
    }

    @Test
    void givenClosedPort_whenCheckReachable_thenFailsAtOnceWithOneLine() throws IOException {
        // Given: a loopback port that nobody listens on any more
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SparkMaster m = SparkMaster.parse("spark://127.0.0.1:" + port);

        // When / Then
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> m.checkReachable(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Spark master reachable within 5 s")
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("\n");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    }

    @Test
    void givenInvalidSettings_whenCreate_thenMessageNamesOptionAndValue() {
        SparkMaster m = SparkMaster.parse("local[2]");

        assertThatThrownBy(() -> SparkSettings.defaults(m).withThreadsPerRun(0))
                .hasMessage("--threads-per-run must be in [1, 256], got 0");
        assertThatThrownBy(() -> SparkSettings.defaults(m).withConf("executor.cores", "2"))
                .hasMessageContaining("--conf executor.cores");
    }
}
