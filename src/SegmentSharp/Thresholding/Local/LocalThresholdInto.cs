using SegmentSharp.Imaging;

namespace SegmentSharp.Thresholding.Local;

// The same methods writing into a caller's mask, as OpenCV's functions write into a preallocated dst: a loop over many
// pages (or a pipeline with pooled buffers) then allocates nothing per page. Every pixel of dst is overwritten; dst may
// share memory with src (the source is then copied first).
public static partial class LocalThreshold
{
    /// <inheritdoc cref="Niblack(ReadOnlyImageView{byte}, int, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image (any stride).</param>
    /// <param name="dst">Receives the mask (same size as <paramref name="src"/>, one channel): 255 where
    /// <c>pixel &gt; T</c>, else 0.</param>
    /// <param name="window">Odd window size w ≥ 3 (may exceed the image); default 15.</param>
    /// <param name="k">Weight of the deviation; default 0.2 as in scikit-image.</param>
    public static void Niblack(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, double k = 0.2)
        => LocalDriver.MomentsInto(src, dst, window, new NiblackRule(k));

    /// <inheritdoc cref="Sauvola(ReadOnlyImageView{byte}, int, double, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default 0.2.</param>
    /// <param name="r">Dynamic range of the standard deviation; default 127.5.</param>
    public static void Sauvola(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, double k = 0.2, double r = 127.5)
    {
        if (!(r > 0) || double.IsInfinity(r)) throw new ArgumentOutOfRangeException(nameof(r), r, "R must be a positive number.");
        LocalDriver.MomentsInto(src, dst, window, new SauvolaRule(k, r));
    }

    /// <inheritdoc cref="Wolf(ReadOnlyImageView{byte}, int, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default 0.5.</param>
    public static void Wolf(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, double k = 0.5)
    {
        LocalDriver.CheckInto(src, dst, window);
        LocalDriver.MomentsInto(src, dst, window, WolfFor(src, window, k));
    }

    /// <inheritdoc cref="Nick(ReadOnlyImageView{byte}, int, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default −0.1.</param>
    public static void Nick(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, double k = -0.1)
        => LocalDriver.MomentsInto(src, dst, window, new NickRule(k));

    /// <inheritdoc cref="Bradley(ReadOnlyImageView{byte}, int, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3, or 0 (default) for the paper's width/8.</param>
    /// <param name="t">Fraction below the mean; default 0.15.</param>
    public static void Bradley(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 0, double t = 0.15)
    {
        if (window == 0) window = Math.Max(3, (src.Width / 8) | 1);
        LocalDriver.MomentsInto(src, dst, window, new BradleyRule(t));
    }

    /// <inheritdoc cref="Phansalkar(ReadOnlyImageView{byte}, int, double, double, double, double, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="k">Default 0.25.</param>
    /// <param name="r">Default 0.5.</param>
    /// <param name="p">Default 2.</param>
    /// <param name="q">Default 10.</param>
    public static void Phansalkar(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, double k = 0.25,
        double r = 0.5, double p = 2, double q = 10)
    {
        if (!(r > 0) || double.IsInfinity(r)) throw new ArgumentOutOfRangeException(nameof(r), r, "R must be a positive number.");
        var rule = new PhansalkarRule(k, r, p, q);
        if (Math.Abs(q) <= ExpKernel.Limit) LocalDriver.MomentsInto(src, dst, window, rule);
        else LocalDriver.GeneralInto(src, dst, window, rule);
    }

    /// <inheritdoc cref="Bernsen(ReadOnlyImageView{byte}, int, int, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="contrastThreshold">Default 15 (ImageJ).</param>
    public static void Bernsen(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, int contrastThreshold = 15)
        => LocalDriver.RangeInto(src, dst, window, new BernsenRule(contrastThreshold));

    /// <inheritdoc cref="Contrast(ReadOnlyImageView{byte}, int, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    public static void Contrast(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15)
        => LocalDriver.RangeInto(src, dst, window, new ContrastRule());

    /// <inheritdoc cref="MidGrey(ReadOnlyImageView{byte}, int, int, Image{double}?)"/>
    /// <param name="src">8-bit single-channel image.</param>
    /// <param name="dst">Receives the mask (same size, one channel).</param>
    /// <param name="window">Odd window size ≥ 3; default 15.</param>
    /// <param name="c">Offset subtracted from the mid-grey; default 0.</param>
    public static void MidGrey(ReadOnlyImageView<byte> src, ImageView<byte> dst, int window = 15, int c = 0)
        => LocalDriver.RangeInto(src, dst, window, new MidGreyRule(c));
}
