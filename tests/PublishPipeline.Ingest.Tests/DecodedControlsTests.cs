using System.Text;

namespace PublishPipeline.Ingest.Tests;

/// <summary>
/// The decoded text of an upload that takes the general path (an HTML page, another encoding) is
/// checked for control characters in one search: tab, line feed, vertical tab, form feed and
/// carriage return pass; any other C0 control refuses the file at its own line and character.
/// </summary>
public class DecodedControlsTests
{
    [Fact]
    public void Line_breaks_tabs_and_form_feeds_pass()
    {
        var text = "<html>\r\n<body>\r\n<p>\t会議録\v</p>\f\n</body>\r\n</html>\n";
        Assert.Equal(text, SourceDecoder.Decode("page.html", Encoding.UTF8.GetBytes(text)).Text);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000E')]
    [InlineData('\u001B')]
    [InlineData('\u001F')]
    public void Any_other_control_character_is_refused_where_it_stands(char control)
    {
        var text = "<html>\r\n<body>\r\n<p>会議録" + control + "</p>\r\n</body>\r\n";
        var ex = Assert.Throws<MinutesFormatException>(() => SourceDecoder.Decode("page.html", Encoding.UTF8.GetBytes(text)));
        Assert.Equal("encoding", ex.Code);
        Assert.Equal(3, ex.Line);
        Assert.Contains($"control character U+{(int)control:X4} at character {text.IndexOf(control, StringComparison.Ordinal)}", ex.Message, StringComparison.Ordinal);
    }
}
