using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenCvSharp;
using SegmentSharp.Codecs;
using SegmentSharp.Imaging;

namespace SegmentSharp.Benchmarks;

/// <summary>
/// In-memory codecs on the 12 MP page: PNG and JPEG (quality 90) decoded to gray
/// (<c>cv::imdecode(…, IMREAD_GRAYSCALE)</c>), and PNG encoding at each library's default settings
/// (<c>cv::imencode(".png")</c>). File I/O is excluded so the disk cache does not decide the result.
/// Output sizes are recorded separately by <c>--generate-data</c> (bench/data/codec-sizes.json).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CodecBenchmarks : ThreadedBenchmark
{
    private byte[] _png = null!, _jpeg = null!;
    private Mat _mat = null!;
    private Image<byte> _image = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        (_mat, _image) = BenchData.LoadDoc12();
        _png = File.ReadAllBytes(BenchPaths.Doc12Png);
        _jpeg = File.ReadAllBytes(BenchPaths.Doc12Jpeg);
        Check("Codec.PngDecodeGray", () => BenchData.SamePixels(_mat, ImageFile.DecodeGray(_png)));
        Check("Codec.JpegDecodeGray", () =>
        {
            using var cv = Cv2.ImDecode(_jpeg, ImreadModes.Grayscale);
            return BenchData.SamePixels(cv, ImageFile.DecodeGray(_jpeg));
        });
        Check("Codec.PngEncode", () =>
        {
            using var back = Cv2.ImDecode(ImageFile.Encode(_image, ImageFormat.Png), ImreadModes.Unchanged);
            return BenchData.SamePixels(back, _image);
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _mat.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("PngDecodeGray")]
    public int PngDecodeGrayOpenCv()
    {
        using var m = Cv2.ImDecode(_png, ImreadModes.Grayscale);
        return m.Rows;
    }

    [Benchmark, BenchmarkCategory("PngDecodeGray")]
    public int PngDecodeGraySegmentSharp() => ImageFile.DecodeGray(_png).Height;

    [Benchmark(Baseline = true), BenchmarkCategory("JpegDecodeGray")]
    public int JpegDecodeGrayOpenCv()
    {
        using var m = Cv2.ImDecode(_jpeg, ImreadModes.Grayscale);
        return m.Rows;
    }

    [Benchmark, BenchmarkCategory("JpegDecodeGray")]
    public int JpegDecodeGraySegmentSharp() => ImageFile.DecodeGray(_jpeg).Height;

    [Benchmark(Baseline = true), BenchmarkCategory("PngEncode")]
    public int PngEncodeOpenCv()
    {
        Cv2.ImEncode(".png", _mat, out byte[] bytes);
        return bytes.Length;
    }

    [Benchmark, BenchmarkCategory("PngEncode")]
    public int PngEncodeSegmentSharp() => ImageFile.Encode(_image, ImageFormat.Png).Length;
}
