using SegmentSharp.Imaging;
using Local = SegmentSharp.Thresholding.Local.LocalThreshold;

namespace SegmentSharp.Tests.Thresholding;

/// <summary>
/// The streaming engine never allocates full-size integral or float images: binarizing a 20000 × 4000 page with Sauvola
/// allocates the 80 MB mask and only O(width) per band besides, far below one float64 image (8 bytes per pixel).
/// </summary>
[Collection(nameof(LocalMemoryTests))]
public class LocalMemoryTests
{
    [Fact]
    public void SauvolaOnALargePageAllocatesLittleMoreThanTheMask()
    {
        const int w = 20000, h = 4000;
        var img = new Image<byte>(w, h);
        for (int y = 0; y < h; y++)
        {
            var row = img.Row(y);
            for (int x = 0; x < row.Length; x++) row[x] = (byte)(((x >> 3) ^ (y >> 4)) & 1) == 0 ? (byte)210 : (byte)30;
        }
        long area = (long)w * h;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var mask = Local.Sauvola(img, 25);
        long used = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Contains((byte)255, mask.Data);
        Assert.Contains((byte)0, mask.Data);
        // Mask (1 byte/pixel) + per-band rows; a single integral or float image would add ≥ 8 bytes/pixel.
        Assert.True(used < area + area / 4, $"allocated {used:N0} bytes for {area:N0} pixels");
    }
}

/// <summary>GC.GetTotalAllocatedBytes counts every thread, so the memory test must not share the process with others.</summary>
[CollectionDefinition(nameof(LocalMemoryTests), DisableParallelization = true)]
public class LocalMemoryCollection { }
