namespace SegmentSharp.Clustering;

/// <summary>Which stop conditions a <see cref="TermCriteria"/> enables, as OpenCV's <c>cv::TermCriteria::Type</c>.</summary>
[Flags]
public enum TermCriteriaType
{
    /// <summary>Stop after <see cref="TermCriteria.MaxCount"/> iterations (<c>TermCriteria::COUNT</c>).</summary>
    Count = 1,
    /// <summary>Stop once no centre moves more than <see cref="TermCriteria.Epsilon"/> (<c>TermCriteria::EPS</c>).</summary>
    Eps = 2,
}

/// <summary>
/// When an iterative algorithm stops: OpenCV's <c>cv::TermCriteria</c> (in Python the tuple
/// <c>(type, maxCount, epsilon)</c>). k-means reads it as cv::kmeans does: without <see cref="TermCriteriaType.Count"/>
/// the limit is 100 iterations, and a count is clamped to 2..100; without <see cref="TermCriteriaType.Eps"/> the
/// tolerance is <c>FLT_EPSILON</c>.
/// </summary>
/// <param name="Type">The enabled conditions.</param>
/// <param name="MaxCount">Iteration limit, used with <see cref="TermCriteriaType.Count"/>.</param>
/// <param name="Epsilon">Largest centre movement (Euclidean) that still counts as converged, used with <see cref="TermCriteriaType.Eps"/>.</param>
public readonly record struct TermCriteria(TermCriteriaType Type, int MaxCount, double Epsilon)
{
    /// <summary>Both conditions: stop after <paramref name="maxCount"/> iterations or once centres move at most <paramref name="epsilon"/>.</summary>
    public static TermCriteria CountOrEps(int maxCount, double epsilon) => new(TermCriteriaType.Count | TermCriteriaType.Eps, maxCount, epsilon);
}
