using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.OracleTests.Codecs;

/// <summary>Label, 16-bit and float files we write must read back unchanged with cv2.imread(IMREAD_UNCHANGED).</summary>
public class WideWriteOracleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("segsharp-wide").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Image<int> Labels(int w, int h, int max, int seed, int min = 0)
    {
        var rnd = new Random(seed);
        var img = new Image<int>(w, h);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = rnd.Next(min, max + 1);
        img.Data[0] = max;
        return img;
    }

    [Theory]
    [InlineData(1, 1, 0, 8)]
    [InlineData(37, 11, 255, 8)]
    [InlineData(37, 11, 256, 16)]
    [InlineData(300, 200, 65535, 16)]
    public void PngLabelsReadBackWithTheSmallestDepth(int w, int h, int max, int bits)
    {
        var labels = Labels(w, h, max, w * h + max);
        string path = Path.Combine(_dir, $"l{w}x{h}-{max}.png");
        ImageFile.WriteLabels(path, labels);
        using var m = Cv2.ImRead(path, ImreadModes.Unchanged);
        Assert.Equal(bits == 8 ? MatType.CV_8UC1 : MatType.CV_16UC1, m.Type());
        AssertSame(labels, m);
    }

    [Fact]
    public void TiffLabelsKeepNegativeAndHugeValues()
    {
        var labels = Labels(123, 45, 3_000_000, 7, min: -1);
        string path = Path.Combine(_dir, "l.tif");
        ImageFile.WriteLabels(path, labels);
        using var m = Cv2.ImRead(path, ImreadModes.Unchanged);
        Assert.Equal(MatType.CV_32SC1, m.Type());
        AssertSame(labels, m);
    }

    [Fact]
    public void PngRefusesLabelsItCannotHold()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageFile.WriteLabels(Path.Combine(_dir, "x.png"), Labels(5, 5, 70000, 1)));
        Assert.Contains(".tif", e.Message);
        Assert.Throws<ArgumentException>(() => ImageFile.WriteLabels(Path.Combine(_dir, "y.png"), Labels(5, 5, 3, 1, min: -1)));
        Assert.False(File.Exists(Path.Combine(_dir, "x.png")));
    }

    [Fact]
    public void FloatTiffReadsBackBitExact()
    {
        var rnd = new Random(3);
        var img = new Image<float>(77, 31);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (float)(rnd.NextDouble() * 1000 - 10);
        img.Data[1] = float.MaxValue;
        string path = Path.Combine(_dir, "d.tif");
        ImageFile.WriteFloat(path, img);
        using var m = Cv2.ImRead(path, ImreadModes.Unchanged);
        Assert.Equal(MatType.CV_32FC1, m.Type());
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
                Assert.Equal(img.Row(y)[x], m.At<float>(y, x));
    }

    [Fact]
    public void SixteenBitPngAndTiff()
    {
        var rnd = new Random(5);
        var img = new Image<ushort>(64, 9);
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = (ushort)rnd.Next(65536);
        foreach (string ext in new[] { ".png", ".tif" })
        {
            string path = Path.Combine(_dir, "s" + ext);
            ImageFile.Write16(path, img);
            using var m = Cv2.ImRead(path, ImreadModes.Unchanged);
            Assert.Equal(MatType.CV_16UC1, m.Type());
            for (int y = 0; y < img.Height; y++)
                for (int x = 0; x < img.Width; x++)
                    Assert.Equal(img.Row(y)[x], m.At<ushort>(y, x));
        }
    }

    private static void AssertSame(Image<int> labels, Mat m)
    {
        Assert.Equal(labels.Width, m.Width);
        Assert.Equal(labels.Height, m.Height);
        for (int y = 0; y < labels.Height; y++)
            for (int x = 0; x < labels.Width; x++)
            {
                int got = m.Type() == MatType.CV_8UC1 ? m.At<byte>(y, x)
                    : m.Type() == MatType.CV_16UC1 ? m.At<ushort>(y, x) : m.At<int>(y, x);
                Assert.True(labels.Row(y)[x] == got, $"({x},{y}): wrote {labels.Row(y)[x]}, read {got}");
            }
    }
}
