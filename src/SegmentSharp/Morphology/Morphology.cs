using SegmentSharp.Filters;
using SegmentSharp.Imaging;

namespace SegmentSharp.Morphology;

/// <summary>
/// Grey-level mathematical morphology with flat structuring elements (Serra, <i>Image Analysis and Mathematical
/// Morphology</i>, 1982), bit-exact with OpenCV's <c>cv::erode</c>, <c>cv::dilate</c> and <c>cv::morphologyEx</c> on
/// 8-bit images with 1 to 4 channels (each channel independently).
/// </summary>
/// <remarks>
/// Rectangles cost O(1) per pixel whatever their size: rows use running extrema (a vectorised sparse table of
/// 2^k-wide extrema, or van Herk / Gil–Werman for rows wider than 64) and columns van Herk (1992) / Gil &amp; Werman
/// (1993) across whole rows, which is SIMD across x. Other elements split into horizontal runs, each row's runs read
/// from the same per-row table. Like OpenCV, the anchor offsets the element without reflecting it (dilation is the
/// maximum over the same neighbourhood erosion takes the minimum of), and the default constant border never wins.
/// </remarks>
public static class Morphology
{
    /// <summary>
    /// Erosion: each pixel becomes the minimum over the element placed with its <paramref name="anchorX"/>,
    /// <paramref name="anchorY"/> cell on it, repeated <paramref name="iterations"/> times. Equivalent to
    /// <c>cv2.erode(src, kernel, anchor=(ax, ay), iterations=n, borderType=border, borderValue=v)</c> and, for centred
    /// odd elements, scikit-image's <c>erosion</c>. Like OpenCV, iterated rectangles become one larger rectangle,
    /// a 1×1 element or zero iterations copy the source, and <paramref name="borderValue"/> <c>null</c> with
    /// <see cref="BorderType.Constant"/> means OpenCV's <c>morphologyDefaultBorderValue()</c> (outside pixels never win).
    /// </summary>
    /// <param name="src">8-bit source, 1–4 channels.</param>
    /// <param name="dst">Destination of the same size and channels; may be the source.</param>
    /// <param name="element">The structuring element.</param>
    /// <param name="anchorX">Anchor column in the element; −1 for the centre (<c>width / 2</c>).</param>
    /// <param name="anchorY">Anchor row in the element; −1 for the centre (<c>height / 2</c>).</param>
    /// <param name="iterations">How many times to erode (0 copies).</param>
    /// <param name="border">Border mode: Constant, Replicate, Reflect or Reflect101 (OpenCV rejects Wrap).</param>
    /// <param name="borderValue">The constant border value (rounded half to even and clamped like OpenCV's
    /// <c>saturate_cast</c>); <c>null</c> for the value that never wins.</param>
    /// <exception cref="ArgumentException">Sizes differ, the element is empty, the anchor is outside it, or the border is Wrap.</exception>
    public static void Erode(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement element,
        int anchorX = -1, int anchorY = -1, int iterations = 1, BorderType border = BorderType.Constant, double? borderValue = null)
    {
        Check(src, dst, element, ref anchorX, ref anchorY, iterations, border);
        Core<MinOp>(src, dst, element, anchorX, anchorY, iterations, border, borderValue, true);
    }

    /// <summary>
    /// Dilation: each pixel becomes the maximum over the element placed with its anchor on it (not reflected, as in
    /// OpenCV), repeated <paramref name="iterations"/> times. Equivalent to <c>cv2.dilate</c> with the same arguments and,
    /// for symmetric elements, scikit-image's <c>dilation</c>. See <see cref="Erode"/> for the parameters.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes differ, the element is empty, the anchor is outside it, or the border is Wrap.</exception>
    public static void Dilate(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement element,
        int anchorX = -1, int anchorY = -1, int iterations = 1, BorderType border = BorderType.Constant, double? borderValue = null)
    {
        Check(src, dst, element, ref anchorX, ref anchorY, iterations, border);
        Core<MaxOp>(src, dst, element, anchorX, anchorY, iterations, border, borderValue, true);
    }

    /// <summary>
    /// A morphological operation (Serra 1982): erode, dilate, open, close, gradient, top-hat, black-hat, or hit-or-miss
    /// with an element whose cells are all foreground. Equivalent to <c>cv2.morphologyEx(src, op, kernel, anchor=…,
    /// iterations=n, borderType=…, borderValue=…)</c>; scikit-image's <c>opening</c>, <c>closing</c>, <c>white_tophat</c>,
    /// <c>black_tophat</c> match for centred symmetric elements. Open and close run each of their erode/dilate steps
    /// <paramref name="iterations"/> times (e.g. open = erode n times, then dilate n times), as OpenCV does.
    /// Gradient, top-hat and black-hat differences saturate at 0.
    /// </summary>
    /// <exception cref="ArgumentException">Bad sizes, element, anchor or border; hit-or-miss on a non single-channel image.</exception>
    public static void Apply(MorphOperation op, ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement element,
        int anchorX = -1, int anchorY = -1, int iterations = 1, BorderType border = BorderType.Constant, double? borderValue = null)
    {
        Check(src, dst, element, ref anchorX, ref anchorY, iterations, border);
        ApplyCore(op, src, dst, element, anchorX, anchorY, iterations, border, borderValue, true);
    }

    /// <summary>Allocating convenience overload of <see cref="Apply(MorphOperation, ReadOnlyImageView{byte}, ImageView{byte}, StructuringElement, int, int, int, BorderType, double?)"/>,
    /// like <c>cv2.morphologyEx(src, op, kernel)</c>.</summary>
    public static Image<byte> Apply(MorphOperation op, Image<byte> src, StructuringElement element, int iterations = 1,
        BorderType border = BorderType.Constant, double? borderValue = null)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = src.CloneEmpty();
        Apply(op, src.ReadOnlyView, dst.View, element, -1, -1, iterations, border, borderValue);
        return dst;
    }

    /// <summary>
    /// Hit-or-miss transform (Serra 1982) on an 8-bit single-channel image with a three-valued kernel: 1 = must be
    /// foreground, −1 = must be background, 0 = don't care. Equivalent to
    /// <c>cv2.morphologyEx(src, cv2.MORPH_HITMISS, kernel)</c> with an <c>int</c> kernel: the erosion of the source by the
    /// 1 cells ANDed with the erosion of its complement by the −1 cells (an empty set of either contributes 255, an
    /// all-zero kernel copies the source). On 0/255 masks the result is 255 exactly where the pattern fits.
    /// </summary>
    /// <param name="src">8-bit single-channel source.</param>
    /// <param name="dst">Destination of the same size; may be the source.</param>
    /// <param name="kernel">Row-major kernel values; anything other than 1 and −1 is don't-care, like OpenCV's <c>kernel == 1</c> tests.</param>
    /// <param name="kernelWidth">Kernel width.</param>
    /// <param name="kernelHeight">Kernel height.</param>
    /// <param name="anchorX">Anchor column; −1 for the centre.</param>
    /// <param name="anchorY">Anchor row; −1 for the centre.</param>
    /// <param name="iterations">Iterations of each of the two erosions.</param>
    /// <param name="border">Border mode (not Wrap).</param>
    /// <param name="borderValue">Constant border value; <c>null</c> for the value that never wins.</param>
    /// <exception cref="ArgumentException">Not single-channel, sizes differ, or the kernel length is not width × height.</exception>
    public static void HitOrMiss(ReadOnlyImageView<byte> src, ImageView<byte> dst, ReadOnlySpan<int> kernel, int kernelWidth,
        int kernelHeight, int anchorX = -1, int anchorY = -1, int iterations = 1, BorderType border = BorderType.Constant,
        double? borderValue = null)
    {
        if (kernelWidth <= 0 || kernelHeight <= 0 || kernel.Length != (long)kernelWidth * kernelHeight)
            throw new ArgumentException($"The kernel has {kernel.Length} values but its size is {kernelWidth}×{kernelHeight}.", nameof(kernel));
        var fg = new byte[kernel.Length];
        var bg = new byte[kernel.Length];
        for (int i = 0; i < kernel.Length; i++)
        {
            fg[i] = kernel[i] == 1 ? (byte)1 : (byte)0;
            bg[i] = kernel[i] == -1 ? (byte)1 : (byte)0;
        }
        HitOrMissCore(src, dst, StructuringElement.FromMask(fg, kernelWidth, kernelHeight),
            StructuringElement.FromMask(bg, kernelWidth, kernelHeight), kernel.IndexOfAnyExcept(0) < 0,
            anchorX, anchorY, iterations, border, borderValue, true);
    }

    /// <summary>The <see cref="HitOrMiss(ReadOnlyImageView{byte}, ImageView{byte}, ReadOnlySpan{int}, int, int, int, int, int, BorderType, double?)"/>
    /// transform with an <c>sbyte</c> kernel (OpenCV <c>CV_8S</c>).</summary>
    public static void HitOrMiss(ReadOnlyImageView<byte> src, ImageView<byte> dst, ReadOnlySpan<sbyte> kernel, int kernelWidth,
        int kernelHeight, int anchorX = -1, int anchorY = -1, int iterations = 1, BorderType border = BorderType.Constant,
        double? borderValue = null)
    {
        var k = new int[kernel.Length];
        for (int i = 0; i < k.Length; i++) k[i] = kernel[i];
        HitOrMiss(src, dst, k, kernelWidth, kernelHeight, anchorX, anchorY, iterations, border, borderValue);
    }

    internal static void HitOrMissCore(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement fg, StructuringElement bg,
        bool allZero, int anchorX, int anchorY, int iterations, BorderType border, double? borderValue, bool vectorize)
    {
        ImageGuard.SameSize(src, dst, nameof(dst));
        ImageGuard.SingleChannel(src, nameof(src));
        CheckCommon(fg.Width, fg.Height, ref anchorX, ref anchorY, iterations, border);
        if (allZero)
        {
            Copy(src, dst);
            return;
        }
        int w = src.Width, h = src.Height;
        var e1 = new Image<byte>(w, h);
        if (fg.Count == 0) e1.Data.AsSpan().Fill(255);
        else Core<MinOp>(src, e1.View, fg, anchorX, anchorY, iterations, border, borderValue, vectorize);
        if (bg.Count != 0)
        {
            var inv = new Image<byte>(w, h);
            for (int y = 0; y < h; y++)
            {
                var s = src.Row(y); var d = inv.Row(y);
                for (int x = 0; x < w; x++) d[x] = (byte)~s[x];
            }
            Core<MinOp>(inv.ReadOnlyView, inv.View, bg, anchorX, anchorY, iterations, border, borderValue, vectorize);
            for (int y = 0; y < h; y++)
            {
                var a = e1.Row(y); var b = inv.Row(y);
                for (int x = 0; x < w; x++) a[x] &= b[x];
            }
        }
        Copy(e1.ReadOnlyView, dst);
    }

    internal static void ApplyCore(MorphOperation op, ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement el,
        int ax, int ay, int it, BorderType border, double? bv, bool vec)
    {
        switch (op)
        {
            case MorphOperation.Erode: Core<MinOp>(src, dst, el, ax, ay, it, border, bv, vec); return;
            case MorphOperation.Dilate: Core<MaxOp>(src, dst, el, ax, ay, it, border, bv, vec); return;
            case MorphOperation.Open:
            case MorphOperation.Close:
            {
                // Through a pooled intermediate rather than in place, which would copy the whole image first.
                var mid = RentImage(src.Width, src.Height, src.Channels, out var midArr);
                try
                {
                    if (op == MorphOperation.Open)
                    {
                        Core<MinOp>(src, mid.View, el, ax, ay, it, border, bv, vec);
                        Core<MaxOp>(mid.ReadOnlyView, dst, el, ax, ay, it, border, bv, vec);
                    }
                    else
                    {
                        Core<MaxOp>(src, mid.View, el, ax, ay, it, border, bv, vec);
                        Core<MinOp>(mid.ReadOnlyView, dst, el, ax, ay, it, border, bv, vec);
                    }
                }
                finally { System.Buffers.ArrayPool<byte>.Shared.Return(midArr); }
                return;
            }
            case MorphOperation.HitMiss:
                HitOrMissCore(src, dst, el, StructuringElement.FromMask(new byte[el.Width * el.Height], el.Width, el.Height),
                    el.Count == 0, ax, ay, it, border, bv, vec);
                return;
        }
        if (op is not (MorphOperation.Gradient or MorphOperation.TopHat or MorphOperation.BlackHat))
            throw new ArgumentException($"Unknown morphological operation {(int)op}.", nameof(op));
        var tmp = RentImage(src.Width, src.Height, src.Channels, out var tmpArr);
        try
        {
        if (op == MorphOperation.Gradient)
        {
            Core<MinOp>(src, tmp.View, el, ax, ay, it, border, bv, vec);
            Core<MaxOp>(src, dst, el, ax, ay, it, border, bv, vec);
            SubtractSaturate(dst, tmp.ReadOnlyView, dst);
        }
        else if (op == MorphOperation.TopHat)
        {
            Core<MinOp>(src, tmp.View, el, ax, ay, it, border, bv, vec);
            Core<MaxOp>(tmp.ReadOnlyView, tmp.View, el, ax, ay, it, border, bv, vec);
            SubtractSaturate(src, tmp.ReadOnlyView, dst);
        }
        else
        {
            Core<MaxOp>(src, tmp.View, el, ax, ay, it, border, bv, vec);
            Core<MinOp>(tmp.ReadOnlyView, tmp.View, el, ax, ay, it, border, bv, vec);
            SubtractSaturate(tmp.ReadOnlyView, src, dst);
        }
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(tmpArr); }
    }

    /// <summary>A tight image over a pooled buffer (contents undefined); return <paramref name="array"/> to the pool.</summary>
    private static Image<byte> RentImage(int w, int h, int cn, out byte[] array)
    {
        array = System.Buffers.ArrayPool<byte>.Shared.Rent(checked(w * h * cn));
        return new Image<byte>(array, w, h, cn);
    }

    /// <summary>The OpenCV morphOp driver: copy shortcuts, folding iterated rectangles, then repeated passes.</summary>
    internal static void Core<T>(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement el, int ax, int ay,
        int iterations, BorderType border, double? borderValue, bool vectorize) where T : struct, IMinMax
    {
        if (ax < 0) ax = el.Width / 2;
        if (ay < 0) ay = el.Height / 2;
        if (iterations == 0 || el.Width * el.Height == 1)
        {
            Copy(src, dst);
            return;
        }
        if (el.Count == 0)
            throw new ArgumentException("The structuring element has no cells; OpenCV's result for an empty kernel is undefined.", nameof(el));
        if (iterations > 1 && el.IsRectangle)
        {
            // OpenCV replaces n passes of a w×h rectangle by one pass of a (w + (n−1)(w−1))×(h + (n−1)(h−1)) rectangle.
            ax *= iterations;
            ay *= iterations;
            el = StructuringElement.Rectangle(el.Width + (iterations - 1) * (el.Width - 1), el.Height + (iterations - 1) * (el.Height - 1));
            iterations = 1;
        }
        byte bv = borderValue is double v ? SaturateByte(v) : T.Neutral;
        byte[]? spareArr = null;
        try
        {
            Image<byte>? spare = null;
            if (src.Data.Overlaps(dst.Data))
            {
                spare = RentImage(src.Width, src.Height, src.Channels, out spareArr);
                Copy(src, spare.View);
                src = spare.ReadOnlyView;
            }
            for (int i = 0; i < iterations; i++)
            {
                if (i > 0)
                {
                    spare ??= RentImage(src.Width, src.Height, src.Channels, out spareArr);
                    Copy(dst, spare.View);
                    src = spare.ReadOnlyView;
                }
                MorphEngine.Run<T>(src, dst, el, ax, ay, border, bv, vectorize);
            }
        }
        finally
        {
            if (spareArr != null) System.Buffers.ArrayPool<byte>.Shared.Return(spareArr);
        }
    }

    /// <summary>OpenCV's saturate_cast&lt;uchar&gt;(double): round half to even, then clamp.</summary>
    internal static byte SaturateByte(double v)
    {
        if (double.IsNaN(v)) return 0;
        double r = Math.Round(v, MidpointRounding.ToEven);
        return r <= 0 ? (byte)0 : r >= 255 ? (byte)255 : (byte)r;
    }

    private static void SubtractSaturate(ReadOnlyImageView<byte> a, ReadOnlyImageView<byte> b, ImageView<byte> d)
    {
        for (int y = 0; y < d.Height; y++)
        {
            var ra = a.Row(y); var rb = b.Row(y); var rd = d.Row(y);
            for (int x = 0; x < rd.Length; x++)
            {
                int v = ra[x] - rb[x];
                rd[x] = v < 0 ? (byte)0 : (byte)v;
            }
        }
    }

    private static void Copy(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        if (src.Data.Overlaps(dst.Data, out int off) && off == 0 && src.Stride == dst.Stride) return;
        if (src.Data.Overlaps(dst.Data))
        {
            var tmp = new Image<byte>(src.Width, src.Height, src.Channels);
            for (int y = 0; y < src.Height; y++) src.Row(y).CopyTo(tmp.Row(y));
            src = tmp.ReadOnlyView;
        }
        for (int y = 0; y < src.Height; y++) src.Row(y).CopyTo(dst.Row(y));
    }

    private static void Check(ReadOnlyImageView<byte> src, ImageView<byte> dst, StructuringElement element,
        ref int anchorX, ref int anchorY, int iterations, BorderType border)
    {
        ArgumentNullException.ThrowIfNull(element);
        ImageGuard.SameSize(src, dst, nameof(dst));
        CheckCommon(element.Width, element.Height, ref anchorX, ref anchorY, iterations, border);
    }

    private static void CheckCommon(int kw, int kh, ref int anchorX, ref int anchorY, int iterations, BorderType border)
    {
        BorderInterpolation.Check(border, nameof(border));
        if (border == BorderType.Wrap)
            throw new ArgumentException("Morphology does not support BorderType.Wrap (OpenCV rejects BORDER_WRAP here).", nameof(border));
        if (iterations < 0) throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "Iterations must not be negative.");
        if (anchorX == -1) anchorX = kw / 2;
        if (anchorY == -1) anchorY = kh / 2;
        if ((uint)anchorX >= (uint)kw || (uint)anchorY >= (uint)kh)
            throw new ArgumentOutOfRangeException(nameof(anchorX), $"Anchor ({anchorX}, {anchorY}) lies outside the {kw}×{kh} element.");
    }
}
