namespace SegmentSharp.Contours;

/// <summary>
/// One contour's links in the output of <see cref="ContourFinder.Find"/>: indices into the contour array, or -1 for none.
/// The same four numbers, in the same order, as one <c>Vec4i</c> of OpenCV's <c>findContours</c> hierarchy.
/// </summary>
/// <param name="Next">The next contour at the same level.</param>
/// <param name="Previous">The previous contour at the same level.</param>
/// <param name="FirstChild">The first contour nested directly inside this one.</param>
/// <param name="Parent">The contour this one is nested in.</param>
public readonly record struct HierarchyEntry(int Next, int Previous, int FirstChild, int Parent);
