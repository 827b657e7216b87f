namespace SegmentSharp.Components;

/// <summary>
/// Which neighbours join two foreground pixels into one component. Equivalent to OpenCV's <c>connectivity</c>
/// argument (4 or 8) and scikit-image's <c>connectivity</c> (1 = four, 2 = eight) in <c>skimage.measure.label</c>.
/// </summary>
public enum Connectivity
{
    /// <summary>Edge neighbours only (left, right, up, down).</summary>
    Four = 4,
    /// <summary>Edge and corner neighbours.</summary>
    Eight = 8,
}
