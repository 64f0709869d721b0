using System.Globalization;
using System.Text;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>Integers spelled every way the language reads them: decimal, 0x/0X hex, 0b/0B binary, leading zeros, '_' separators.</summary>
internal static class NumberText
{
    public static string Spell(Draw draw, ulong value)
    {
        string digits;
        string prefix;
        switch (draw.Below(6))
        {
            case 0:
            case 1:
                prefix = string.Empty;
                digits = value.ToString(CultureInfo.InvariantCulture);
                break;
            case 2:
                prefix = draw.OneIn(4) ? "0X" : "0x";
                digits = value.ToString(draw.Coin() ? "X" : "x", CultureInfo.InvariantCulture);
                break;
            case 3:
                prefix = draw.OneIn(4) ? "0B" : "0b";
                digits = Convert.ToString((long)value, 2);
                break;
            case 4:
                prefix = "0x";
                digits = value.ToString("X16", CultureInfo.InvariantCulture);
                break;
            default:
                prefix = string.Empty;
                digits = (draw.Coin() ? "00" : "0") + value.ToString(CultureInfo.InvariantCulture);
                break;
        }

        if (digits.Length > 1 && draw.OneIn(4))
        {
            // Separators anywhere after the first digit, doubled or trailing too: '_' is ignored.
            var separated = new StringBuilder().Append(digits[0]);
            for (int i = 1; i < digits.Length; i++)
            {
                if (draw.OneIn(3))
                {
                    separated.Append(draw.OneIn(5) ? "__" : "_");
                }

                separated.Append(digits[i]);
            }

            digits = separated.ToString();
        }

        return prefix + digits;
    }
}
