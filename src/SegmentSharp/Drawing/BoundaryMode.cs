namespace SegmentSharp.Drawing;

/// <summary>Which pixels count as a boundary between labels, as scikit-image's <c>find_boundaries(mode=...)</c>.</summary>
public enum BoundaryMode
{
    /// <summary>Every pixel with a 4-neighbour of another label: boundaries two pixels thick (<c>'thick'</c>).</summary>
    Thick,
    /// <summary>The labelled (nonzero) side of each boundary only (<c>'inner'</c>).</summary>
    Inner,
    /// <summary>The background side of object/background boundaries, and both sides between touching objects
    /// (<c>'outer'</c>, the default of <c>mark_boundaries</c>).</summary>
    Outer,
}
