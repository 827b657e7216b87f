namespace SegmentSharp.Contours;

/// <summary>
/// How <see cref="ContourFinder.Find"/> turns a traced border into points, as OpenCV's <c>cv::ContourApproximationModes</c>.
/// </summary>
public enum ContourApproximation
{
    /// <summary>Every border pixel, 8-connected consecutive points (<c>CHAIN_APPROX_NONE</c>).</summary>
    None = 1,
    /// <summary>Only the pixels where the chain direction changes, so straight runs keep their two ends (<c>CHAIN_APPROX_SIMPLE</c>).</summary>
    Simple = 2,
    /// <summary>Teh–Chin dominant points with the L1 curvature measure (<c>CHAIN_APPROX_TC89_L1</c>).</summary>
    Tc89L1 = 3,
    /// <summary>Teh–Chin dominant points with the k-cosine curvature measure (<c>CHAIN_APPROX_TC89_KCOS</c>).</summary>
    Tc89Kcos = 4,
}
