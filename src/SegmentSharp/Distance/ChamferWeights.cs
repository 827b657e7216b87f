namespace SegmentSharp.Distance;

/// <summary>
/// OpenCV's chamfer step costs (Borgefors, "Distance transformations in digital images", CVGIP 34, 1986, with the
/// L2 weights OpenCV picked) as its <c>getDistanceTransformMask</c> lists them: 3×3 C 1/1, L1 1/2, L2 0.955/1.3693;
/// 5×5 C 1/1/2, L1 1/2/3, L2 1/1.4/2.1969 (straight, diagonal, knight move). The labelled transform uses them in 16.16
/// fixed point (<c>CV_FLT_TO_FIX</c>: the float weight times 65536, rounded half to even); the unlabelled one in float.
/// </summary>
internal readonly record struct ChamferWeights(float Straight, float Diagonal, float Knight)
{
    public const float FixedScale = 1f / 65536f;

    public static ChamferWeights For(DistanceType type, bool five) => (type, five) switch
    {
        (DistanceType.C, false) => new(1f, 1f, 0f),
        (DistanceType.L1, false) => new(1f, 2f, 0f),
        (DistanceType.L2, false) => new(0.955f, 1.3693f, 0f),
        (DistanceType.C, true) => new(1f, 1f, 2f),
        (DistanceType.L1, true) => new(1f, 2f, 3f),
        (DistanceType.L2, true) => new(1f, 1.4f, 2.1969f),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown distance type."),
    };

    public uint FixedStraight => Fix(Straight);
    public uint FixedDiagonal => Fix(Diagonal);
    public uint FixedKnight => Fix(Knight);

    /// <summary>The largest stored fixed-point distance: adding any step to it must not wrap 32 bits.</summary>
    public uint FixedMax(bool five) => uint.MaxValue - (five ? FixedKnight : FixedDiagonal);

    // The product is formed in float, as in OpenCV's macro, and rounded to nearest even like cvRound.
    private static uint Fix(float x) => (uint)MathF.Round(x * 65536f, MidpointRounding.ToEven);
}
