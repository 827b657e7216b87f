namespace SegmentSharp.Contours;

/// <summary>
/// One border in the contour tree under construction. Node 0 is the frame (a virtual hole around the image). Sibling
/// links, the first child and the parent are what becomes the hierarchy; the rest serves the parent search.
/// </summary>
internal struct ContourNode
{
    public int Parent, FirstChild, Previous, Next;
    /// <summary>Bounding box in framed-image coordinates: left, top, width, height.</summary>
    public int RectX, RectY, RectW, RectH;
    /// <summary>Framed-image index of the pixel the trace started at.</summary>
    public int Origin;
    public bool IsHole;
    public int PointStart, PointCount;

    public static ContourNode Empty => new() { Parent = -1, FirstChild = -1, Previous = -1, Next = -1 };
}
