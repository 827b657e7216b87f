using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Splits an image's samples into independent runs for per-sample operations. A view with a tight
/// stride is one flat run cut into fixed-size chunks (as OpenCV merges continuous rows), so that
/// N×1 images do not pay per-row overhead and 1×N images can still be split across threads;
/// otherwise each row is a run.
/// </summary>
internal readonly struct SampleRuns
{
    /// <summary>Samples per chunk of a flat view: large enough to amortise the loop set-up, small enough to balance bands.</summary>
    public const int ChunkLength = 16384;

    public readonly int Count;
    public readonly int Length;
    public readonly int SrcStride;
    public readonly int DstStride;
    private readonly long _total;

    private SampleRuns(int count, int length, int srcStride, int dstStride, long total)
    {
        Count = count; Length = length; SrcStride = srcStride; DstStride = dstStride; _total = total;
    }

    public static SampleRuns For(int width, int height, int channels, int srcStride, int dstStride)
    {
        int rowLen = width * channels;
        long total = (long)rowLen * height;
        if ((srcStride == rowLen && dstStride == rowLen) || height == 1)
            return new SampleRuns((int)((total + ChunkLength - 1) / ChunkLength), ChunkLength, ChunkLength, ChunkLength, total);
        return new SampleRuns(height, rowLen, srcStride, dstStride, (long)srcStride * (height - 1) + rowLen);
    }

    /// <summary>Start of run <paramref name="k"/> in the source, in elements.</summary>
    public long SrcOffset(int k) => (long)k * SrcStride;

    /// <summary>Start of run <paramref name="k"/> in the destination, in elements.</summary>
    public long DstOffset(int k) => (long)k * DstStride;

    /// <summary>Length of run <paramref name="k"/>: the full length except possibly the last chunk of a flat view.</summary>
    public int RunLength(int k) => (int)Math.Min(Length, _total - SrcOffset(k));
}
