package io.github.midljava.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The saved format of {@link MidlBlock}: what the output depends on survives a round trip. */
class MidlBlockFormatTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(77);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private static MidlBlock.Builder warmupBuilder() {
        return MidlBlock.builder()
                .setUnits(20)
                .optActiveRatio(0.3)
                .optWarmupEpochs(3)
                .optGateRank(4)
                .optLightPath(LightPath.LOW_RANK)
                .optLightRank(3);
    }

    private NDArray forward(MidlBlock block, NDArray x) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).head();
    }

    private byte[] save(MidlBlock block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        block.saveParameters(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private void load(MidlBlock block, byte[] bytes) throws IOException, MalformedModelException {
        block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void givenBlockSavedAfterWarmup_whenLoadedIntoFreshBlock_thenSameKAndBitIdenticalOutput()
            throws Exception {
        // Given a block whose warm-up has ended (k = round(0.3 * 20) = 6)
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        trained.applySchedule(3);
        assertThat(trained.getCurrentK()).isEqualTo(6);
        NDArray x = manager.randomNormal(new Shape(5, 10));
        float[] expected = forward(trained, x).toFloatArray();
        // When loading into a fresh block of the same configuration (which starts at k = n)
        MidlBlock fresh = warmupBuilder().build();
        assertThat(fresh.getCurrentK()).isEqualTo(20);
        load(fresh, save(trained));
        // Then it computes with the saved k, and the same output
        assertThat(fresh.getCurrentK()).isEqualTo(6);
        assertThat(forward(fresh, x).toFloatArray()).containsExactly(expected);
    }

    @Test
    void givenBlockSavedMidWarmup_whenLoaded_thenKOfThatEpoch() throws Exception {
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        trained.applySchedule(1); // ratio 1 - (1 - 0.3) / 3 = 0.7667 -> k = 15
        MidlBlock fresh = warmupBuilder().build();
        load(fresh, save(trained));
        assertThat(fresh.getCurrentK()).isEqualTo(trained.getCurrentK()).isEqualTo(15);
    }

    @Test
    void givenOtherTemperatureOrRatio_whenLoading_thenErrorNamesEachMismatch() throws Exception {
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        byte[] bytes = save(trained);
        MidlBlock other = warmupBuilder().optTemperature(0.5).optActiveRatio(0.4).build();
        assertThatThrownBy(() -> load(other, bytes))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageContaining("temperature saved 1.0, built 0.5")
                .hasMessageContaining("activeRatio saved 0.3, built 0.4");
    }

    @Test
    void givenOtherTrainingOnlyOption_whenLoading_thenAccepted() throws Exception {
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        trained.applySchedule(3);
        MidlBlock other =
                warmupBuilder()
                        .optWarmupEpochs(0)
                        .optGradientMode(GradientMode.MASKED)
                        .optSparsityWeight(0.1)
                        .build();
        load(other, save(trained));
        assertThat(other.getCurrentK()).isEqualTo(6);
    }

    @Test
    void givenVersionOneFile_whenLoading_thenReadWithKOfTheFinalRatio() throws Exception {
        // Given a version-1 file: version byte 1, the structure fields only, then the parameters
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        trained.applySchedule(3);
        NDArray x = manager.randomNormal(new Shape(4, 10));
        float[] expected = forward(trained, x).toFloatArray();
        byte[] v1 = toVersionOne(save(trained));
        // When loading it into a block built with the warm-up (k = n before loading)
        MidlBlock fresh = warmupBuilder().build();
        load(fresh, v1);
        // Then k is that of the final ratio (not epoch 0 of the schedule) and outputs agree
        assertThat(fresh.getCurrentK()).isEqualTo(6);
        assertThat(forward(fresh, x).toFloatArray()).containsExactly(expected);
    }

    @Test
    void givenUnknownVersion_whenLoading_thenErrorNamesVersions() throws Exception {
        MidlBlock trained = warmupBuilder().build();
        trained.initialize(manager, DataType.FLOAT32, new Shape(1, 10));
        byte[] bytes = save(trained);
        bytes[0] = 9;
        assertThatThrownBy(() -> load(warmupBuilder().build(), bytes))
                .isInstanceOf(MalformedModelException.class)
                .hasMessageContaining("version 9")
                .hasMessageContaining("versions 1 and 2");
    }

    /** Rewrites a version-2 file as version 1: drops the fields version 2 added. */
    private static byte[] toVersionOne(byte[] v2) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(v2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        assertThat(in.readByte()).isEqualTo((byte) 2);
        out.writeByte(1);
        out.writeLong(in.readLong());
        out.writeLong(in.readLong());
        out.writeUTF(in.readUTF());
        out.writeInt(in.readInt());
        out.writeUTF(in.readUTF());
        out.writeInt(in.readInt());
        out.writeUTF(in.readUTF());
        in.readDouble();
        in.readDouble();
        in.readInt();
        in.readUTF();
        in.readDouble();
        in.readDouble();
        in.readInt();
        in.transferTo(out);
        out.flush();
        return bytes.toByteArray();
    }
}
