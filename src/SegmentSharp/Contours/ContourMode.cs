namespace SegmentSharp.Contours;

/// <summary>
/// Which borders <see cref="ContourFinder.Find"/> keeps and how it links them, as OpenCV's <c>cv::RetrievalModes</c>
/// (<c>RETR_EXTERNAL</c>, <c>RETR_LIST</c>, <c>RETR_CCOMP</c>, <c>RETR_TREE</c>).
/// </summary>
public enum ContourMode
{
    /// <summary>Only the outermost outer borders; every entry is top-level (<c>RETR_EXTERNAL</c>).</summary>
    External = 0,
    /// <summary>Every border, outer and hole, all top-level with no nesting (<c>RETR_LIST</c>).</summary>
    List = 1,
    /// <summary>Two levels: outer borders at the top, the holes of each as its children (<c>RETR_CCOMP</c>).</summary>
    CComp = 2,
    /// <summary>The full nesting of outer borders and holes (<c>RETR_TREE</c>).</summary>
    Tree = 3,
}
