using SegmentSharp.Imaging;

namespace SegmentSharp.Enhancement;

/// <summary>
/// Skew estimation and correction of scanned or photographed text pages.
/// </summary>
/// <remarks>
/// <para><see cref="EstimateAngle"/> is a projection-profile method (Postl 1986, "Detection of linear oblique structures and
/// skew scan in digitized documents", ICPR; the same criterion as Leptonica's <c>pixFindSkew</c>, Bloomberg, Kopec &amp;
/// Dasari 1995): the ink of a page is projected onto lines at each candidate angle, and the angle whose profile has the
/// largest sum of squares (the sharpest alternation of text lines and gaps) wins. Neither OpenCV nor scikit-image ships a
/// skew estimator; see <see cref="SkewProfile"/> for the search.</para>
/// <para><see cref="Rotate(ReadOnlyImageView{byte}, double, byte)"/> equals OpenCV's
/// <c>cv2.warpAffine(src, cv2.getRotationMatrix2D(center, angle, 1), (w, h), flags=INTER_LINEAR,
/// borderMode=BORDER_CONSTANT, borderValue=fill)</c> bit for bit (OpenCvSharp 4.13) (see <see cref="AffineWarp"/>).</para>
/// <para>To straighten a page: <c>Deskew.Rotate(page, -Deskew.EstimateAngle(page))</c>, or <see cref="Straighten"/>.</para>
/// </remarks>
public static class Deskew
{
    /// <summary>
    /// Estimates the skew angle of a text page in degrees, positive when the text lines rise to the right
    /// (counter-clockwise, the sense of OpenCV's <c>getRotationMatrix2D</c>), within ±<paramref name="maxAngle"/>;
    /// accurate to about 0.1° on pages with a few text lines. A page without ink (blank, constant) gives 0.
    /// </summary>
    /// <param name="gray">Single-channel 8-bit page, dark text on a light background or light text on a dark one.</param>
    /// <param name="maxAngle">Largest skew searched, in degrees, 0 &lt; maxAngle ≤ 45 (default 15).</param>
    /// <exception cref="ArgumentException">The image has more than one channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAngle"/> is not in (0, 45].</exception>
    public static double EstimateAngle(ReadOnlyImageView<byte> gray, double maxAngle = 15)
    {
        ImageGuard.SingleChannel(gray, nameof(gray));
        if (!(maxAngle > 0 && maxAngle <= 45))
            throw new ArgumentOutOfRangeException(nameof(maxAngle), maxAngle, "Must be in (0, 45] degrees.");
        return SkewProfile.Estimate(gray, maxAngle);
    }

    /// <summary>
    /// Rotates the image by <paramref name="angleDegrees"/> (positive = counter-clockwise) about its centre
    /// ((W−1)/2, (H−1)/2), keeping its size and filling uncovered pixels with <paramref name="fill"/>. Bilinear;
    /// identical to <c>cv2.warpAffine(src, cv2.getRotationMatrix2D(((W-1)/2, (H-1)/2), angle, 1), (W, H),
    /// flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)</c> (5-bit fixed-point fractions, as OpenCvSharp 4.13).
    /// </summary>
    /// <exception cref="ArgumentException">The angle is not finite.</exception>
    public static Image<byte> Rotate(ReadOnlyImageView<byte> src, double angleDegrees, byte fill = 255)
        => Rotate(src, angleDegrees, (src.Width - 1) / 2.0, (src.Height - 1) / 2.0, fill);

    /// <summary>
    /// Rotates about (<paramref name="centerX"/>, <paramref name="centerY"/>) (pixel-centre coordinates; OpenCV passes the
    /// centre as a 32-bit float, and so does this). Any channel count; every channel gets the fill value.
    /// Same as <c>cv2.warpAffine(src, cv2.getRotationMatrix2D((cx, cy), angle, 1), (W, H), flags=cv2.INTER_LINEAR,
    /// borderMode=cv2.BORDER_CONSTANT, borderValue=(fill,)*4)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The angle or the centre is not finite.</exception>
    public static Image<byte> Rotate(ReadOnlyImageView<byte> src, double angleDegrees, double centerX, double centerY, byte fill = 255)
    {
        if (!double.IsFinite(angleDegrees)) throw new ArgumentException("The angle must be a finite number.", nameof(angleDegrees));
        if (!double.IsFinite(centerX) || !double.IsFinite(centerY)) throw new ArgumentException("The centre must be finite.", nameof(centerX));
        var m = AffineWarp.RotationMatrix((float)centerX, (float)centerY, angleDegrees, 1.0);
        var dst = new Image<byte>(src.Width, src.Height, src.Channels);
        AffineWarp.WarpLinear(src, dst.View, m, fill);
        return dst;
    }

    /// <summary>
    /// Estimates the skew (<see cref="EstimateAngle"/>) and rotates the page back; returns the straightened page and the
    /// angle that was measured. Skews below 0.05° are left alone (the page is returned as a copy).
    /// </summary>
    /// <param name="gray">Single-channel 8-bit page.</param>
    /// <param name="angle">The measured skew in degrees (positive = text rose to the right).</param>
    /// <param name="maxAngle">Largest skew searched (default 15°).</param>
    /// <param name="fill">Value of the corners uncovered by the rotation (default white paper, 255).</param>
    public static Image<byte> Straighten(ReadOnlyImageView<byte> gray, out double angle, double maxAngle = 15, byte fill = 255)
    {
        angle = EstimateAngle(gray, maxAngle);
        if (Math.Abs(angle) < 0.05)
        {
            var copy = new Image<byte>(gray.Width, gray.Height);
            for (int y = 0; y < gray.Height; y++) gray.Row(y).CopyTo(copy.Row(y));
            return copy;
        }
        return Rotate(gray, -angle, fill);
    }
}
