using System.Numerics;
using SegmentSharp.Histograms;
using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding;

/// <summary>
/// Global thresholding, equal to OpenCV's <c>cv::threshold</c> (and scikit-image's
/// <c>image &gt; threshold_otsu(image)</c> convention: foreground is <c>src &gt; t</c>).
/// </summary>
public static partial class Threshold
{
    /// <summary>
    /// Applies a fixed or automatic global threshold. Equivalent to
    /// <c>cv2.threshold(src, thresh, maxValue, type | auto)</c>.
    /// </summary>
    /// <remarks>
    /// As in OpenCV, the threshold is <c>cvFloor(thresh)</c> and the output value <c>saturate_cast&lt;uchar&gt;(cvRound(maxValue))</c>
    /// (round half to even; NaN and values beyond the int range become <c>int.MinValue</c>, so e.g. a threshold of 1e10
    /// behaves like a negative one, exactly as OpenCV on x86-64). Thresholds below 0 or at least 255 take OpenCV's
    /// shortcuts (fill with 0 / maxValue, or copy). Fixed thresholds work per channel on multi-channel images;
    /// <see cref="AutoThreshold.Otsu"/> (Otsu 1979) and <see cref="AutoThreshold.Triangle"/> (Zack et al. 1977) need a
    /// single channel and ignore <paramref name="thresh"/>. <paramref name="src"/> and <paramref name="dst"/> may be the same memory.
    /// </remarks>
    /// <returns>The threshold used: <c>floor(thresh)</c>, or the Otsu/Triangle value.</returns>
    /// <exception cref="ArgumentException">Sizes differ, or an automatic threshold is requested on a multi-channel image.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> or <paramref name="auto"/> is not a defined value.</exception>
    public static double Apply(ReadOnlyImageView<byte> src, ImageView<byte> dst, double thresh, double maxValue,
        ThresholdType type, AutoThreshold auto = AutoThreshold.None)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        CheckType(type);
        CheckAuto(auto);
        if (auto == AutoThreshold.Otsu) thresh = Otsu(RequireSingleChannel(src, "Otsu"));
        else if (auto == AutoThreshold.Triangle) thresh = Triangle(RequireSingleChannel(src, "Triangle"));

        int it = CvConvert.Floor(thresh);
        byte max = CvConvert.SaturateByte(type == ThresholdType.Trunc ? it : CvConvert.Round(maxValue));
        if (it < 0 || it >= byte.MaxValue)
            Shortcut(src, dst, it < 0, max, type);
        else
            Map(src, dst, (byte)it, max, type);
        return it;
    }

    /// <summary>Allocating convenience overload of <see cref="Apply(ReadOnlyImageView{byte}, ImageView{byte}, double, double, ThresholdType, AutoThreshold)"/>.</summary>
    public static Image<byte> Apply(Image<byte> src, double thresh, double maxValue, ThresholdType type,
        out double usedThreshold, AutoThreshold auto = AutoThreshold.None)
    {
        var dst = src.CloneEmpty();
        usedThreshold = Apply(src.ReadOnlyView, dst.View, thresh, maxValue, type, auto);
        return dst;
    }

    /// <summary>
    /// Applies a fixed or Otsu global threshold to a 16-bit image. Equivalent to
    /// <c>cv2.threshold(src, thresh, maxValue, type | auto)</c> on <c>CV_16U</c> data: <c>cvFloor(thresh)</c>,
    /// <c>saturate_cast&lt;ushort&gt;(cvRound(maxValue))</c>, shortcuts below 0 and at or above 65535.
    /// </summary>
    /// <remarks>
    /// Otsu's threshold is searched over all 65536 levels as OpenCV 4.13 does for <c>CV_16UC1</c>.
    /// OpenCV has no 16-bit triangle threshold, so <see cref="AutoThreshold.Triangle"/> is rejected.
    /// </remarks>
    /// <returns>The threshold used: <c>floor(thresh)</c>, or the Otsu value.</returns>
    /// <exception cref="ArgumentException">Sizes differ, Otsu is requested on a multi-channel image, or Triangle is requested.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> or <paramref name="auto"/> is not a defined value.</exception>
    public static double Apply(ReadOnlyImageView<ushort> src, ImageView<ushort> dst, double thresh, double maxValue,
        ThresholdType type, AutoThreshold auto = AutoThreshold.None)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        CheckType(type);
        CheckAuto(auto);
        if (auto == AutoThreshold.Triangle)
            throw new ArgumentException("The triangle threshold is defined for 8-bit images only (OpenCV rejects THRESH_TRIANGLE on 16-bit input).", nameof(auto));
        if (auto == AutoThreshold.Otsu) thresh = Otsu(RequireSingleChannel(src, "Otsu"));

        int it = CvConvert.Floor(thresh);
        ushort max = CvConvert.SaturateUInt16(type == ThresholdType.Trunc ? it : CvConvert.Round(maxValue));
        if (it < 0 || it >= ushort.MaxValue)
            Shortcut(src, dst, it < 0, max, type);
        else
            Map(src, dst, (ushort)it, max, type);
        return it;
    }

    /// <summary>Allocating convenience overload of <see cref="Apply(ReadOnlyImageView{ushort}, ImageView{ushort}, double, double, ThresholdType, AutoThreshold)"/>.</summary>
    public static Image<ushort> Apply(Image<ushort> src, double thresh, double maxValue, ThresholdType type,
        out double usedThreshold, AutoThreshold auto = AutoThreshold.None)
    {
        var dst = src.CloneEmpty();
        usedThreshold = Apply(src.ReadOnlyView, dst.View, thresh, maxValue, type, auto);
        return dst;
    }

    private static void CheckType(ThresholdType type)
    {
        if ((uint)type > (uint)ThresholdType.ToZeroInv)
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown threshold type.");
    }

    private static void CheckAuto(AutoThreshold auto)
    {
        if (auto is not (AutoThreshold.None or AutoThreshold.Otsu or AutoThreshold.Triangle))
            throw new ArgumentOutOfRangeException(nameof(auto), auto, "Choose one automatic threshold: None, Otsu or Triangle.");
    }

    private static ReadOnlyImageView<T> RequireSingleChannel<T>(ReadOnlyImageView<T> src, string method) where T : unmanaged
    {
        if (src.Channels != 1)
            throw new ArgumentException($"{method} thresholding needs a single-channel image, got {src.Channels} channels.", nameof(src));
        return src;
    }

    /// <summary>
    /// OpenCV's out-of-range cases, where every sample lies on one side of the threshold: a constant fill
    /// when the result does not depend on the sample, otherwise a copy.
    /// </summary>
    private static void Shortcut<T>(ReadOnlyImageView<T> src, ImageView<T> dst, bool below, T max, ThresholdType type)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool fill = type is ThresholdType.Binary or ThresholdType.BinaryInv
            || (below && type is ThresholdType.Trunc or ThresholdType.ToZeroInv)
            || (!below && type == ThresholdType.ToZero);
        if (fill)
        {
            T v = type switch
            {
                ThresholdType.Binary => below ? max : T.Zero,
                ThresholdType.BinaryInv => below ? T.Zero : max,
                _ => T.Zero,
            };
            for (int y = 0; y < dst.Height; y++) dst.Row(y).Fill(v);
        }
        else
        {
            for (int y = 0; y < dst.Height; y++) src.Row(y).CopyTo(dst.Row(y));
        }
    }

    private static unsafe void Map<T>(ReadOnlyImageView<T> src, ImageView<T> dst, T t, T max, ThresholdType type)
        where T : unmanaged, IBinaryInteger<T>
    {
        var runs = SampleRuns.For(src.Width, src.Height, src.Channels, src.Stride, dst.Stride);
        fixed (T* ps0 = src.Data)
        fixed (T* pd0 = dst.Data)
        {
            T* ps = ps0, pd = pd0;
            Parallelism.ForBands(runs.Count, runs.Length, (start, end) =>
            {
                for (int k = start; k < end; k++)
                {
                    int n = runs.RunLength(k);
                    ThresholdKernels.Row(new ReadOnlySpan<T>(ps + runs.SrcOffset(k), n), new Span<T>(pd + runs.DstOffset(k), n), t, max, type);
                }
            }, minRowsPerBand: runs.Length >= SampleRuns.ChunkLength ? 4 : 16);
        }
    }
}
