using OpenCvSharp;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// Renders a deterministic synthetic "scanned document" of any size from the two gray document samples
/// (<c>samples/page.png</c>, <c>samples/text.png</c>): the samples are tiled into paragraph bands on a
/// virtual page 1600 px wide, the page is scaled up bilinearly to the target width, and a smooth
/// illumination falloff plus mild noise are applied. The output depends only on the samples, the size and
/// the seed (the noise uses a private SplitMix64 stream per row, so the parallel loop stays reproducible),
/// which makes every machine benchmark the same pixels without committing large files.
/// </summary>
internal static class DocumentSynth
{
    private const int VirtualWidth = 1600;
    private const byte Paper = 226;

    public static byte[] Render(int width, int height, ulong seed)
    {
        var page = LoadGray(BenchPaths.Sample("page.png"));
        var text = LoadGray(BenchPaths.Sample("text.png"));
        double scale = (double)width / VirtualWidth;
        int vh = (int)Math.Ceiling(height / scale) + 2;
        byte[] virt = ComposeVirtualPage(VirtualWidth, vh, page, text);

        var output = new byte[width * height];
        Parallel.For(0, height, y =>
        {
            var rng = new SplitMix64(seed ^ ((ulong)y * 0x9E3779B97F4A7C15UL));
            double sy = (y + 0.5) / scale - 0.5;
            int y0 = Math.Clamp((int)Math.Floor(sy), 0, vh - 1);
            int y1 = Math.Min(y0 + 1, vh - 1);
            double fy = Math.Clamp(sy - y0, 0, 1);
            double ny = (double)y / height;
            var row = output.AsSpan(y * width, width);
            for (int x = 0; x < width; x++)
            {
                double sx = (x + 0.5) / scale - 0.5;
                int x0 = Math.Clamp((int)Math.Floor(sx), 0, VirtualWidth - 1);
                int x1 = Math.Min(x0 + 1, VirtualWidth - 1);
                double fx = Math.Clamp(sx - x0, 0, 1);
                double top = virt[y0 * VirtualWidth + x0] * (1 - fx) + virt[y0 * VirtualWidth + x1] * fx;
                double bottom = virt[y1 * VirtualWidth + x0] * (1 - fx) + virt[y1 * VirtualWidth + x1] * fx;
                double v = top * (1 - fy) + bottom * fy;

                // A lamp off-centre towards the top left, plus a darker bottom edge, as flatbed scans of bound pages show.
                double nx = (double)x / width;
                double dx = (nx - 0.35) * 2, dy = (ny - 0.40) * 2;
                double light = Math.Max(0.55, 1.0 - 0.22 * (dx * dx + dy * dy) - 0.08 * ny);
                // Sum of three uniforms: a cheap bell-shaped noise with standard deviation ~4 gray levels.
                double noise = (rng.NextUnit() + rng.NextUnit() + rng.NextUnit() - 1.5) * 8.0;
                row[x] = (byte)Math.Clamp((int)Math.Round(v * light + noise), 0, 255);
            }
        });
        return output;
    }

    /// <summary>Alternating bands of page and text tiles with paper-coloured gutters, each band shifted sideways.</summary>
    private static byte[] ComposeVirtualPage(int vw, int vh, Image<byte> page, Image<byte> text)
    {
        var virt = new byte[vw * vh];
        virt.AsSpan().Fill(Paper);
        const int margin = 40, gutter = 18;
        int band = 0;
        for (int top = margin; top < vh; band++)
        {
            var tile = band % 3 == 2 ? text : page;
            int shift = (band * 97) % (tile.Width / 2);
            for (int left = margin - shift; left < vw - margin; left += tile.Width + gutter)
                Blit(virt, vw, vh, tile, left, top, margin, vw - margin);
            top += tile.Height + gutter;
        }
        return virt;
    }

    private static void Blit(byte[] dst, int dw, int dh, Image<byte> tile, int left, int top, int clipLeft, int clipRight)
    {
        for (int ty = 0; ty < tile.Height; ty++)
        {
            int y = top + ty;
            if (y >= dh) break;
            var src = tile.Row(ty);
            for (int tx = 0; tx < tile.Width; tx++)
            {
                int x = left + tx;
                if (x < clipLeft || x >= clipRight) continue;
                dst[y * dw + x] = src[tx];
            }
        }
    }

    /// <summary>Decoded with OpenCV, not SegmentSharp, so the inputs never depend on the code under test.</summary>
    private static Image<byte> LoadGray(string path)
    {
        using var m = Cv2.ImRead(path, ImreadModes.Grayscale);
        if (m.Empty()) throw new FileNotFoundException($"cannot read sample image {path}");
        return BenchData.ToImage(m);
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and identical on every runtime.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public ulong Next()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextUnit() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
