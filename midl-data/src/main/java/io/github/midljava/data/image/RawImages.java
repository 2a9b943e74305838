package io.github.midljava.data.image;

/**
 * Images as read from disk, before scaling: one unsigned byte per pixel in {@code [N, C, H, W]}
 * order, and one label per image.
 *
 * @param pixels {@code count * channels * height * width} bytes, to be read as unsigned
 * @param labels the class of each image
 * @param channels colour channels per image
 * @param height rows per image
 * @param width columns per image
 */
public record RawImages(byte[] pixels, int[] labels, int channels, int height, int width) {

    /** Checks that the pixel count matches labels and shape. */
    public RawImages {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "pixels length "
                            + pixels.length
                            + " != "
                            + labels.length
                            + " images x "
                            + channels
                            + "x"
                            + height
                            + "x"
                            + width);
        }
    }

    /** Returns the number of images. */
    public int count() {
        return labels.length;
    }

    /** Returns the number of bytes per image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** Returns the images at {@code indices}, in that order. */
    public RawImages select(int[] indices) {
        if (indices.length == count()) {
            boolean identity = true;
            for (int i = 0; i < indices.length && identity; i++) {
                identity = indices[i] == i;
            }
            if (identity) {
                return this;
            }
        }
        int size = imageSize();
        byte[] p = new byte[indices.length * size];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, p, i * size, size);
            l[i] = labels[indices[i]];
        }
        return new RawImages(p, l, channels, height, width);
    }
}
