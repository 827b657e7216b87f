using SegmentSharp.Imaging;

namespace SegmentSharp.Geometry;

/// <summary>
/// Spatial, central and normalized central moments up to order 3, with the fields of OpenCV's <c>cv::Moments</c>
/// (m00…m03, mu20…mu03, nu20…nu03). The central moments are derived from the spatial ones in OpenCV's order of
/// operations, so values match <c>cv::moments</c> to the last bit when the spatial moments do.
/// </summary>
public sealed class Moments
{
#pragma warning disable CS1591 // the names are the standard moment symbols
    public double M00, M10, M01, M20, M11, M02, M30, M21, M12, M03;
    public double Mu20, Mu11, Mu02, Mu30, Mu21, Mu12, Mu03;
    public double Nu20, Nu11, Nu02, Nu30, Nu21, Nu12, Nu03;
#pragma warning restore CS1591

    /// <summary>All moments zero, as OpenCV returns for an empty or degenerate input.</summary>
    public Moments() { }

    /// <summary>Builds the central and normalized moments from the spatial ones, as the <c>cv::Moments</c> constructor.</summary>
    public Moments(double m00, double m10, double m01, double m20, double m11, double m02,
        double m30, double m21, double m12, double m03)
    {
        M00 = m00; M10 = m10; M01 = m01; M20 = m20; M11 = m11; M02 = m02; M30 = m30; M21 = m21; M12 = m12; M03 = m03;
        Complete();
    }

    /// <summary>Centroid x, <c>m10 / m00</c>.</summary>
    public double CentroidX => M10 / M00;
    /// <summary>Centroid y, <c>m01 / m00</c>.</summary>
    public double CentroidY => M01 / M00;

    private const double DblEpsilon = 2.220446049250313e-16; // C's DBL_EPSILON

    // OpenCV's completeMomentState: centre of gravity, central and scale-normalized moments.
    internal void Complete()
    {
        double cx = 0, cy = 0, inv = 0;
        if (Math.Abs(M00) > DblEpsilon)
        {
            inv = 1.0 / M00;
            cx = M10 * inv; cy = M01 * inv;
        }
        double mu20 = M20 - M10 * cx, mu11 = M11 - M10 * cy, mu02 = M02 - M01 * cy;
        Mu20 = mu20; Mu11 = mu11; Mu02 = mu02;
        Mu30 = M30 - cx * (3 * mu20 + cx * M10);
        mu11 += mu11;
        Mu21 = M21 - cx * (mu11 + cx * M01) - cy * mu20;
        Mu12 = M12 - cy * (mu11 + cy * M10) - cx * mu02;
        Mu03 = M03 - cy * (3 * mu02 + cy * M01);
        double invSqrt = Math.Sqrt(Math.Abs(inv));
        double s2 = inv * inv, s3 = s2 * invSqrt;
        Nu20 = Mu20 * s2; Nu11 = Mu11 * s2; Nu02 = Mu02 * s2;
        Nu30 = Mu30 * s3; Nu21 = Mu21 * s3; Nu12 = Mu12 * s3; Nu03 = Mu03 * s3;
    }
}
