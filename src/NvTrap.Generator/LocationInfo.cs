using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;

namespace NvTrap.Generator;

/// <summary>A C# source location as plain equatable data, so no Roslyn object is held across pipeline steps.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
