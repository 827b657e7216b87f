using SegmentSharp.Imaging;

namespace SegmentSharp.Color;

/// <summary>
/// Colour-space conversions equal to OpenCV's <c>cv::cvtColor</c>: 8-bit results are bit-exact with OpenCV 4's integer
/// and table paths, 32-bit float results follow OpenCV's float formulas (ranges as OpenCV: L* 0..100, hue in degrees
/// 0..360, S/V/L 0..1, inputs 0..1).
/// </summary>
public static partial class ColorConversion
{
    // BT.601 luma weights in 15-bit fixed point, as OpenCV 4's 8-bit path rounds them (RY15/GY15/BY15):
    // 0.299, 0.587 and 0.114 scaled by 2^15 and nudged so they sum to exactly 32768.
    internal const int R2Y = 9798, G2Y = 19235, B2Y = 3735, Shift = 15;

    /// <summary>
    /// Luma of a BGR or BGRA image: <c>Y = 0.299 R + 0.587 G + 0.114 B</c> in 15-bit fixed point, rounded.
    /// Equivalent to <c>cv2.cvtColor(src, cv2.COLOR_BGR2GRAY)</c> (or <c>COLOR_BGRA2GRAY</c>); scikit-image's
    /// <c>rgb2gray</c> uses the Rec. 709 weights instead and gives different values.
    /// </summary>
    public static void BgrToGray(ReadOnlyImageView<byte> src, ImageView<byte> dst)
    {
        if (src.Channels is not (3 or 4)) throw new ArgumentException($"Expected 3 or 4 channels, got {src.Channels}.", nameof(src));
        if (dst.Channels != 1 || dst.Width != src.Width || dst.Height != src.Height)
            throw new ArgumentException("Destination must be single-channel and the same size as the source.", nameof(dst));
        Convert(src, dst, ColorCode.BGR2GRAY);
    }

    /// <summary>Allocating convenience overload of <see cref="BgrToGray(ReadOnlyImageView{byte}, ImageView{byte})"/>.</summary>
    public static Image<byte> BgrToGray(Image<byte> src)
    {
        var dst = new Image<byte>(src.Width, src.Height, 1);
        BgrToGray(src.ReadOnlyView, dst.View);
        return dst;
    }

    /// <summary>
    /// Converts an 8-bit image between colour spaces, bit-exact with <c>cv2.cvtColor(src, code)</c> (OpenCV 4).
    /// </summary>
    /// <remarks>
    /// Algorithms: BT.601 luma for gray and Y'CrCb; the sRGB/D65 matrices of IEC 61966-2-1 for XYZ; Smith's (1978) hexcone
    /// for HSV and HLS; CIE 1976 L*a*b* and L*u*v* (D65, sRGB gamma unless the code says linear) through OpenCV's
    /// fixed-point tables. The destination's channel count picks 3 or 4 output channels where OpenCV allows a <c>dstCn</c>
    /// (alpha is then 255); a BGRA/RGBA source is accepted wherever a BGR/RGB one is. Rows run in parallel bands
    /// (<see cref="Parallelism"/>). sRGB→L*u*v* interpolates OpenCV's 33³ grid, linear RGB→L*u*v* runs OpenCV's float
    /// formula and rounds, and L*u*v*→RGB is OpenCV's <c>Luv2RGBinteger</c> table arithmetic; 8-bit L*u*v* is stored as
    /// L·255/100, (u + 134)·255/354, (v + 140)·255/262. The
    /// full-range HLS codes (<c>BGR2HLS_FULL</c>, <c>RGB2HLS_FULL</c>) follow OpenCV's own code; OpenCV builds with Intel IPP
    /// (the x86-64 wheels and OpenCvSharp) run IPP's conversion for them instead, which differs by up to two levels at some pixels.
    /// </remarks>
    /// <exception cref="ArgumentException">The sizes differ or a channel count does not fit the code.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="code"/> is not a defined <see cref="ColorCode"/>.</exception>
    public static void Convert(ReadOnlyImageView<byte> src, ImageView<byte> dst, ColorCode code)
    {
        var spec = Check(src.Width, src.Height, src.Channels, dst.Width, dst.Height, dst.Channels, code);
        int scn = src.Channels, dcn = dst.Channels, bidx = spec.BlueIdx;
        ColorRows.Kernel<byte, byte> kernel = (spec.Family, spec.Forward) switch
        {
            (ColorFamily.Gray, true) => (s, d, w) => GrayConversion.ForwardRow8(s, d, w, scn, bidx),
            (ColorFamily.Gray, false) => (s, d, w) => GrayConversion.InverseRow8(s, d, w, dcn),
            (ColorFamily.Hsv, true) => (s, d, w) => HsvConversion.ForwardRow8(s, d, w, scn, bidx, spec.HueRange),
            (ColorFamily.Lab, true) => LabKernel(scn, spec),
            (ColorFamily.Lab, false) => (s, d, w) => LabInverse.Row8(s, d, w, dcn, bidx, spec.Srgb),
            (ColorFamily.Xyz, true) => XyzKernel(scn, XyzConversion.ForwardMatrix(bidx), true),
            (ColorFamily.Xyz, false) => XyzKernel(dcn, XyzConversion.InverseMatrix(bidx), false),
            (ColorFamily.YCrCb, true) => (s, d, w) => YCrCbConversion.ForwardRow8(s, d, w, scn, bidx),
            (ColorFamily.YCrCb, false) => (s, d, w) => YCrCbConversion.InverseRow8(s, d, w, dcn, bidx),
            (ColorFamily.Hsv, false) => (s, d, w) => HsvConversion.InverseRow8(s, d, w, dcn, bidx, spec.HueRange),
            (ColorFamily.Hls, true) => (s, d, w) => HlsConversion.ForwardRow8(s, d, w, scn, bidx, spec.HueRange),
            (ColorFamily.Hls, false) => (s, d, w) => HlsConversion.InverseRow8(s, d, w, dcn, bidx, spec.HueRange),
            (ColorFamily.Luv, true) when spec.Srgb && System.Runtime.Intrinsics.X86.Ssse3.IsSupported
                => (s, d, w) => LuvConversion.ForwardRow8Sse(s, d, w, scn, bidx),
            (ColorFamily.Luv, true) when spec.Srgb => (s, d, w) => LuvConversion.ForwardRow8(s, d, w, scn, bidx),
            (ColorFamily.Luv, true) => LinearLuvKernel(scn, bidx),
            (ColorFamily.Luv, false) => (s, d, w) => LuvInverse.Row8(s, d, w, dcn, bidx, spec.Srgb),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        ColorRows.Run(src, dst, kernel);
    }

    /// <summary>Allocating overload of <see cref="Convert(ReadOnlyImageView{byte}, ImageView{byte}, ColorCode)"/>.</summary>
    /// <param name="src">The source image.</param>
    /// <param name="code">The conversion.</param>
    /// <param name="dstChannels">Output channels; 0 takes the code's default (1 for gray, 4 for <c>GRAY2BGRA</c>, else 3).</param>
    public static Image<byte> Convert(Image<byte> src, ColorCode code, int dstChannels = 0)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new Image<byte>(src.Width, src.Height, dstChannels == 0 ? ColorSpec.DefaultDestinationChannels(code) : dstChannels);
        Convert(src.ReadOnlyView, dst.View, code);
        return dst;
    }

    /// <summary>
    /// Converts a 32-bit float image between colour spaces with OpenCV's float formulas (<c>cv2.cvtColor</c> on a
    /// <c>CV_32F</c> image): BGR/RGB samples in 0..1, hue in degrees 0..360, S/V/L in 0..1, Y'CrCb chroma centred on 0.5.
    /// L*a*b* and L*u*v* follow OpenCV's float paths: sRGB→L*a*b* trilinear on OpenCV's 33³ grid of 14-bit values,
    /// the rest with sRGB gamma and f(Y) from OpenCV's cubic splines (1024 pieces); L* is 0..100, a*, b*, u*, v* unscaled.
    /// </summary>
    /// <exception cref="ArgumentException">The sizes differ or a channel count does not fit the code.</exception>
    public static void Convert(ReadOnlyImageView<float> src, ImageView<float> dst, ColorCode code)
    {
        var spec = Check(src.Width, src.Height, src.Channels, dst.Width, dst.Height, dst.Channels, code);
        int scn = src.Channels, dcn = dst.Channels, bidx = spec.BlueIdx;
        ColorRows.Kernel<float, float> kernel = (spec.Family, spec.Forward) switch
        {
            (ColorFamily.Gray, true) => (s, d, w) => FloatConversion.GrayForward(s, d, w, scn, bidx),
            (ColorFamily.Gray, false) => (s, d, w) => FloatConversion.GrayInverse(s, d, w, dcn),
            (ColorFamily.Xyz, true) => FloatMatrix(scn, 3, FloatConversion.XyzMatrix(bidx, true)),
            (ColorFamily.Xyz, false) => FloatMatrix(3, dcn, FloatConversion.XyzMatrix(bidx, false)),
            (ColorFamily.YCrCb, true) => (s, d, w) => FloatConversion.YCrCbForward(s, d, w, scn, bidx),
            (ColorFamily.YCrCb, false) => (s, d, w) => FloatConversion.YCrCbInverse(s, d, w, dcn, bidx),
            (ColorFamily.Hsv, true) => (s, d, w) => FloatConversion.HsvForward(s, d, w, scn, bidx),
            (ColorFamily.Hsv, false) => (s, d, w) => FloatConversion.HsvInverse(s, d, w, dcn, bidx),
            (ColorFamily.Hls, true) => (s, d, w) => FloatConversion.HlsForward(s, d, w, scn, bidx),
            (ColorFamily.Hls, false) => (s, d, w) => FloatConversion.HlsInverse(s, d, w, dcn, bidx),
            (ColorFamily.Lab, true) => FloatLabKernel(scn, bidx, spec.Srgb, true),
            (ColorFamily.Lab, false) => FloatLabKernel(dcn, bidx, spec.Srgb, false),
            (ColorFamily.Luv, true) => FloatLuvKernel(scn, bidx, spec.Srgb, true),
            (ColorFamily.Luv, false) => FloatLuvKernel(dcn, bidx, spec.Srgb, false),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        ColorRows.Run(src, dst, kernel);
    }

    /// <summary>Allocating overload of <see cref="Convert(ReadOnlyImageView{float}, ImageView{float}, ColorCode)"/>.</summary>
    /// <param name="src">The source image.</param>
    /// <param name="code">The conversion.</param>
    /// <param name="dstChannels">Output channels; 0 takes the code's default.</param>
    public static Image<float> Convert(Image<float> src, ColorCode code, int dstChannels = 0)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new Image<float>(src.Width, src.Height, dstChannels == 0 ? ColorSpec.DefaultDestinationChannels(code) : dstChannels);
        Convert(src.ReadOnlyView, dst.View, code);
        return dst;
    }

    private static ColorRows.Kernel<float, float> FloatMatrix(int scn, int dcn, float[] m)
        => (s, d, w) => FloatConversion.Matrix(s, d, w, scn, dcn, m);

    private static ColorRows.Kernel<byte, byte> LabKernel(int scn, ColorSpec spec)
    {
        var tables = LabConversion.TablesFor(spec.BlueIdx, spec.Srgb);
        return (s, d, w) => LabConversion.ForwardRow8(s, d, w, scn, tables);
    }

    private static ColorRows.Kernel<byte, byte> LinearLuvKernel(int scn, int bidx)
    {
        var m = LuvFloat.ForwardMatrix(bidx);
        return (s, d, w) => LuvFloat.LinearRow8(s, d, w, scn, m);
    }

    private static ColorRows.Kernel<float, float> FloatLabKernel(int cn, int bidx, bool srgb, bool forward)
    {
        if (forward)
        {
            var m = LabFloat.ForwardMatrix(bidx);
            return (s, d, w) => LabFloat.Forward(s, d, w, cn, bidx, m, srgb);
        }
        var inv = LabFloat.InverseMatrix(bidx);
        return (s, d, w) => LabFloat.Inverse(s, d, w, cn, inv, srgb);
    }

    private static ColorRows.Kernel<float, float> FloatLuvKernel(int cn, int bidx, bool srgb, bool forward)
    {
        if (forward)
        {
            var m = LuvFloat.ForwardMatrix(bidx);
            return (s, d, w) => LuvFloat.Forward(s, d, w, cn, m, srgb);
        }
        var inv = LuvFloat.InverseMatrix(bidx);
        return (s, d, w) => LuvFloat.Inverse(s, d, w, cn, inv, srgb);
    }

    private static ColorRows.Kernel<byte, byte> XyzKernel(int cn, int[] m, bool forward) => forward
        ? (s, d, w) => XyzConversion.ForwardRow8(s, d, w, cn, m)
        : (s, d, w) => XyzConversion.InverseRow8(s, d, w, cn, m);

    private static ColorSpec Check(int sw, int sh, int scn, int dw, int dh, int dcn, ColorCode code)
    {
        var spec = ColorSpec.For(code);
        if (sw != dw || sh != dh)
            throw new ArgumentException($"Destination is {dw}×{dh} but source is {sw}×{sh}.", "dst");
        if (!spec.AcceptsSource(scn))
            throw new ArgumentException($"{code} cannot take a {scn}-channel source.", "src");
        if (!spec.AcceptsDestination(dcn))
            throw new ArgumentException($"{code} cannot write a {dcn}-channel destination.", "dst");
        return spec;
    }
}
