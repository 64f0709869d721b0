using System.Globalization;
using NvTrap.Properties.Tests.Infrastructure;

namespace NvTrap.Properties.Tests.Generation;

/// <summary>
/// Random rulesets that the language accepts: registers with fields and reserved bits, parameters,
/// controls, conditions, combinations, filters, context, fine-grained groups and traps, coarse
/// traps on single encodings, lists and ranges, a catalogue with families and aliases, spread over
/// one to three files in any order, written in random YAML styles with hostile names. Every
/// constraint check enforces is kept (disjoint coarse entries, one fine-grained entry per
/// encoding, one polarity per bit, no bit reserved in all of its group's registers, values within
/// masks, depth and length limits); the only refusals left are the names
/// <see cref="HostileNames.MayBeRefused"/> flags.
/// </summary>
internal sealed class ValidRulesetGenerator
{
    private static readonly string[] Forwards = { "read", "write", "any" };

    private readonly Draw _draw;
    private readonly string _ruleset;
    private readonly bool _hostile;
    private readonly EncodingSpace _space;
    private readonly List<YamlMap> _files = new();
    private readonly Dictionary<string, YamlTree> _sections = new();
    private readonly HashSet<string> _expressionNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groupNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fineGroupNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filterNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sysregNames = new(StringComparer.Ordinal);
    private readonly List<string> _refusable = new();
    private readonly List<RegisterModel> _registers = new();
    private readonly List<string> _parameters = new();
    private readonly List<string> _groups = new();
    private readonly List<string> _filters = new();
    private readonly Dictionary<int, List<string>> _catalogue = new();
    private readonly List<ControlHint> _hints = new();

    /// <summary>The polarity each register's bit has been given: a bit has one, whichever group tests it (NVT058).</summary>
    private readonly Dictionary<(string Register, int Bit), bool> _polarity = new();

    private ValidRulesetGenerator(Draw draw, string ruleset)
    {
        _draw = draw;
        _ruleset = ruleset;
        _hostile = draw.OneIn(5);
        _space = new EncodingSpace(draw);
        int files = draw.OneIn(3) ? draw.Between(2, 3) : 1;
        for (int i = 0; i < files; i++)
        {
            _files.Add(new YamlMap());
        }
    }

    /// <summary>A ruleset named <paramref name="ruleset"/> with its files under <paramref name="folder"/>.</summary>
    public static GeneratedRuleset Create(Draw draw, string ruleset, string folder) => new ValidRulesetGenerator(draw, ruleset).Build(folder);

    private GeneratedRuleset Build(string folder)
    {
        Registers();
        Parameters();
        Controls();
        Conditions();
        Combinations();
        Filters();
        Context();
        var fineGroups = FineGrainedGroups();
        Traps();
        FineGrainedTraps(fineGroups);
        Catalogue();

        var renderedFiles = new List<RuleFile>();
        for (int i = 0; i < _files.Count; i++)
        {
            var file = _files[i];
            file.Entries.Insert(_draw.Below(file.Entries.Count + 1), (new YamlText("ruleset", ScalarKind.Name), new YamlText(_ruleset, ScalarKind.Name)));
            string name = _draw.Pick(new[] { "rules", "Rülës", "𝒳 dir", "a b" }) + "/" + i.ToString(CultureInfo.InvariantCulture) + ".nvtrap.yaml";
            renderedFiles.Add(new RuleFile(folder + "/" + name, new YamlRenderer(_draw).Render(file)));
        }

        return new GeneratedRuleset(_ruleset, renderedFiles, _refusable, _hints);
    }

    /// <summary>An entry of a named section (registers, controls...), put into a random file: a ruleset's definitions may be spread anyhow.</summary>
    private void Define(string section, string name, YamlTree value)
    {
        var file = _draw.Pick(_files);
        var existing = file.Entries.FindIndex(e => e.Key.Value == section);
        YamlMap map;
        if (existing < 0)
        {
            map = new YamlMap();
            file.Entries.Add((new YamlText(section, ScalarKind.Name), map));
        }
        else
        {
            map = (YamlMap)file.Entries[existing].Value;
        }

        map.Entries.Add((new YamlText(name, ScalarKind.Name), value));
    }

    /// <summary>An item of a listed section (traps...), in a random file.</summary>
    private void Append(string section, YamlTree item)
    {
        var file = _draw.Pick(_files);
        var existing = file.Entries.FindIndex(e => e.Key.Value == section);
        if (existing < 0)
        {
            file.Entries.Add((new YamlText(section, ScalarKind.Name), new YamlList().Add(item)));
        }
        else
        {
            ((YamlList)file.Entries[existing].Value).Add(item);
        }
    }

    private string Name(NameKind kind, ISet<string> taken)
    {
        string name = HostileNames.Next(_draw, kind, taken, _hostile);
        if (HostileNames.MayBeRefused(kind, name))
        {
            _refusable.Add(name);
        }

        return name;
    }

    private static YamlText Plain(string text) => new(text, ScalarKind.Plain);

    private static YamlText NameText(string text) => new(text, ScalarKind.Name);

    private YamlText Number(ulong value) => Plain(NumberText.Spell(_draw, value));

    private void Registers()
    {
        int count = _draw.OneIn(12) ? _draw.Between(7, 32) : _draw.Between(1, 5);
        for (int r = 0; r < count; r++)
        {
            string name = Name(NameKind.Register, _expressionNames);
            var fields = new List<FieldModel>();
            var fieldNames = new HashSet<string>(StringComparer.Ordinal);
            var fieldMap = new YamlMap();
            int fieldCount = _draw.Between(0, 5);
            for (int f = 0; f < fieldCount; f++)
            {
                string fieldName = Name(NameKind.Field, fieldNames);
                int hi = _draw.Below(64);
                int lo = _draw.Coin() ? hi : _draw.Between(0, hi);
                fields.Add(new FieldModel(fieldName, hi, lo));
                fieldMap.Entries.Add((NameText(fieldName), hi == lo && _draw.OneIn(4) == false ? Number((ulong)hi) : new YamlList().Add(Number((ulong)hi)).Add(Number((ulong)lo))));
            }

            ulong res0 = 0, res1 = 0;
            var definition = new YamlMap();
            if (_draw.OneIn(3))
            {
                definition.Add("encoding", Encoding(_space.Near()));
            }

            if (fieldCount > 0 || _draw.Coin())
            {
                definition.Add("fields", fieldMap);
            }

            if (_draw.OneIn(3))
            {
                res0 = _draw.Coin() ? _draw.Bits() & _draw.Bits() : _draw.Value();
                if (res0 == ulong.MaxValue)
                {
                    res0 = ~(1UL << _draw.Below(64));
                }

                definition.Add("res0", Mask(res0));
                if (_draw.Coin())
                {
                    res1 = _draw.Bits() & _draw.Bits() & ~res0;
                    definition.Add("res1", Mask(res1));
                }
            }

            _registers.Add(new RegisterModel(name, fields, res0, res1));
            Define("registers", name, definition.Entries.Count == 0 && _draw.Coin() ? Plain(string.Empty) : definition);
        }
    }

    /// <summary>Reserved bits as an integer or as a list of bits and [hi, lo] ranges.</summary>
    private YamlTree Mask(ulong mask)
    {
        if (_draw.Coin())
        {
            return Number(mask);
        }

        var list = new YamlList();
        int bit = 0;
        while (bit < 64)
        {
            if ((mask & (1UL << bit)) == 0)
            {
                bit++;
                continue;
            }

            int lo = bit;
            while (bit < 64 && (mask & (1UL << bit)) != 0)
            {
                bit++;
            }

            int hi = bit - 1;
            list.Items.Insert(_draw.Below(list.Items.Count + 1), hi == lo && _draw.Coin() ? Number((ulong)hi) : new YamlList().Add(Number((ulong)hi)).Add(Number((ulong)lo)));
        }

        return list;
    }

    private void Parameters()
    {
        int count = _draw.OneIn(3) ? (_draw.OneIn(20) ? 16 : _draw.Between(1, 4)) : 0;
        for (int p = 0; p < count; p++)
        {
            string name = Name(NameKind.Parameter, _expressionNames);
            ulong a = _draw.Value(), b = _draw.Value();
            ulong lo = Math.Min(a, b), hi = Math.Max(a, b);
            ulong @default = _draw.Below(3) switch { 0 => lo, 1 => hi, _ => lo + (_draw.Bits() % (hi - lo == ulong.MaxValue ? ulong.MaxValue : hi - lo + 1)) };
            _parameters.Add(name);
            string range = NumberText.Spell(_draw, lo) + ".." + NumberText.Spell(_draw, hi);
            Define("parameters", name, new YamlMap().Add("default", Number(@default)).Add("range", range));
        }
    }

    private ExpressionContext Context(bool encodingFields) => new(_registers, _parameters, encodingFields, null);

    private string Expression(bool encodingFields) => new ExpressionWriter(_draw, Context(encodingFields)).Write();

    private void Controls()
    {
        int count = _draw.Between(0, 6);
        for (int c = 0; c < count; c++)
        {
            string name = Name(NameKind.Group, _groupNames);
            var register = _draw.Pick(_registers);
            ulong mask;
            YamlTree maskText;
            if (register.Fields.Count > 0 && _draw.Coin())
            {
                var fields = register.Fields.Where(_ => _draw.Coin()).DefaultIfEmpty(register.Fields[0]).ToList();
                mask = fields.Aggregate(0UL, (m, f) => m | f.Mask);
                maskText = fields.Count == 1 && _draw.Coin() ? NameText(fields[0].Name) : List(fields.Select(f => (YamlTree)NameText(f.Name)));
            }
            else
            {
                mask = _draw.Value();
                if (mask == 0)
                {
                    mask = 1UL << _draw.Below(64);
                }

                maskText = Number(mask);
            }

            ulong value;
            YamlTree valueText;
            var within = register.Fields.Where(f => (f.Mask & ~mask) == 0).ToList();
            switch (_draw.Below(4))
            {
                case 0:
                    value = 0;
                    valueText = _draw.Coin() ? new YamlList() : Number(0);
                    break;
                case 1:
                    value = mask;
                    valueText = maskText;
                    break;
                case 2 when within.Count > 0:
                    var chosen = within.Where(_ => _draw.Coin()).ToList();
                    value = chosen.Aggregate(0UL, (m, f) => m | f.Mask);
                    valueText = List(chosen.Select(f => (YamlTree)NameText(f.Name)));
                    break;
                default:
                    value = mask & _draw.Bits();
                    valueText = Number(value);
                    break;
            }

            var control = new YamlMap().Add("register", NameText(register.Name)).Add("mask", maskText).Add("value", valueText).Add("forward", _draw.Pick(Forwards));
            if (_draw.OneIn(4))
            {
                control.Add("in_host_el0", _draw.Coin() ? "true" : "false");
            }

            Shuffle(control);
            _groups.Add(name);
            _hints.Add(new ControlHint(register.Name, mask, value));
            Define("controls", name, control);
        }
    }

    private void Conditions()
    {
        int count = _draw.Between(0, 5);
        for (int c = 0; c < count; c++)
        {
            string name = Name(NameKind.Group, _groupNames);
            var condition = new YamlMap().Add("forward", _draw.Pick(Forwards)).Add("when", new YamlText(Expression(encodingFields: true), ScalarKind.Text));
            if (_draw.OneIn(4))
            {
                condition.Add("in_host_el0", _draw.Coin() ? "true" : "false");
            }

            Shuffle(condition);
            _groups.Add(name);
            Define("conditions", name, condition);
        }
    }

    private void Combinations()
    {
        if (_groups.Count == 0)
        {
            return;
        }

        var members = _groups.ToList();
        int count = _draw.Between(0, 3);
        for (int c = 0; c < count; c++)
        {
            string name = Name(NameKind.Group, _groupNames);
            var chosen = members.Where(_ => _draw.OneIn(2)).Take(4).DefaultIfEmpty(_draw.Pick(members)).ToList();
            _draw.Shuffle(chosen);
            _groups.Add(name);
            Define("combinations", name, List(chosen.Select(m => (YamlTree)NameText(m))));
        }
    }

    private void Filters()
    {
        int count = _draw.OneIn(3) ? _draw.Between(1, 3) : 0;
        for (int f = 0; f < count; f++)
        {
            string name = Name(NameKind.Filter, _filterNames);
            _filters.Add(name);
            Define("filters", name, new YamlText(Expression(encodingFields: false), ScalarKind.Text));
        }
    }

    private void Context()
    {
        if (!_draw.Coin())
        {
            return;
        }

        var context = new YamlMap().Add("hypervisor", new YamlText(Expression(encodingFields: false), ScalarKind.Text));
        if (_draw.Coin())
        {
            context.Add("host_el0", new YamlText(Expression(encodingFields: false), ScalarKind.Text));
        }

        Shuffle(context);
        _draw.Pick(_files).Entries.Add((NameText("context"), context));
    }

    /// <summary>A fine-grained group: its name, the bits not reserved in every one of its registers, and the single-bit fields it can name.</summary>
    private sealed record FineGroup(string Name, string Read, string Write, ulong Usable, IReadOnlyList<FieldModel> BitFields);

    private List<FineGroup> FineGrainedGroups()
    {
        var groups = new List<FineGroup>();
        int count = _draw.OneIn(2) ? (_draw.OneIn(25) ? 15 : _draw.Between(1, 3)) : 0;
        for (int g = 0; g < count; g++)
        {
            var read = _draw.Pick(_registers);
            var write = _draw.Coin() ? read : _draw.Pick(_registers);
            // A bit reserved (RES0 or RES1) in every register of the group reads as a constant: NVT053.
            ulong usable = ~((read.Res0 | read.Res1) & (write.Res0 | write.Res1));
            if (usable == 0)
            {
                continue;
            }

            string name = Name(NameKind.FineGrainedGroup, _fineGroupNames);
            var definition = read == write && _draw.OneIn(4) == false
                ? new YamlMap().Add("both", NameText(read.Name))
                : new YamlMap().Add("read", NameText(read.Name)).Add("write", NameText(write.Name));
            Shuffle(definition);

            // G.FIELD looks the field up in the read register, then the write register.
            var bitFields = read.Fields.Where(f => f.IsBit)
                .Concat(write.Fields.Where(f => f.IsBit && !read.Fields.Any(r => r.Name == f.Name)))
                .Where(f => (usable & (1UL << f.Lo)) != 0)
                .ToList();
            groups.Add(new FineGroup(name, read.Name, write.Name, usable, bitFields));
            Define("fine_grained", name, definition);
        }

        return groups;
    }

    private void Traps()
    {
        foreach (string group in _groups)
        {
            if (_draw.OneIn(5))
            {
                continue;
            }

            int items = _draw.Between(1, 3);
            for (int i = 0; i < items; i++)
            {
                var entry = CoarseEncodings();
                if (entry is null)
                {
                    continue;
                }

                entry.Entries.Insert(_draw.Below(entry.Entries.Count + 1), (NameText("group"), NameText(group)));
                Append("traps", entry);
            }
        }
    }

    /// <summary>sysreg, sysregs or range, over encodings no coarse entry has yet.</summary>
    private YamlMap? CoarseEncodings()
    {
        switch (_draw.Below(3))
        {
            case 0:
                return _space.TakeCoarse() is { } single ? new YamlMap().Add("sysreg", Encoding(single)) : null;
            case 1:
                var list = new YamlList();
                int count = _draw.Between(1, 5);
                for (int i = 0; i < count; i++)
                {
                    if (_space.TakeCoarse() is { } e)
                    {
                        list.Add(Encoding(e));
                    }
                }

                return list.Items.Count == 0 ? null : new YamlMap().Add("sysregs", list);
            default:
                int length = _draw.OneIn(15) ? _draw.Between(100, 3_000) : _draw.Between(1, 40);
                return _space.TakeCoarse(length) is { } range ? new YamlMap().Add("range", new YamlList().Add(Encoding(range.First)).Add(Encoding(range.Last))) : null;
        }
    }

    private void FineGrainedTraps(List<FineGroup> groups)
    {
        foreach (var group in groups)
        {
            int items = _draw.Between(0, 4);
            for (int i = 0; i < items; i++)
            {
                var (first, last) = _space.TakeFine(_draw.OneIn(4) ? _draw.Between(2, 24) : 1) ?? (-1, -1);
                if (first < 0)
                {
                    continue;
                }

                var entry = new YamlMap();
                if (first != last)
                {
                    entry.Add("range", new YamlList().Add(Encoding(first)).Add(Encoding(last)));
                }
                else if (_draw.Coin())
                {
                    entry.Add("sysreg", Encoding(first));
                }
                else
                {
                    entry.Add("sysregs", new YamlList().Add(Encoding(first)));
                }

                var (bitText, polarity) = Bit(group);
                entry.Add("bit", bitText).Add("trap_when", polarity ? "set" : "clear");
                if (_filters.Count > 0 && _draw.OneIn(3))
                {
                    entry.Add("filter", NameText(_draw.Pick(_filters)));
                }

                Shuffle(entry);
                Append("fine_grained_traps", entry);
            }

            if (_draw.OneIn(4))
            {
                var (bitText, polarity) = Bit(group);
                var entry = new YamlMap().Add("bit", bitText).Add("trap_when", polarity ? "set" : "clear");
                Shuffle(entry);
                Append("fine_grained_non_sysreg", entry);
            }
        }
    }

    /// <summary>A usable bit of the group, by field name or number, with the one polarity that bit has in this ruleset.</summary>
    private (YamlTree Text, bool Set) Bit(FineGroup group)
    {
        for (int attempt = 0; ; attempt++)
        {
            int bit;
            YamlTree text;
            if (group.BitFields.Count > 0 && _draw.Coin())
            {
                var field = _draw.Pick(group.BitFields);
                bit = field.Lo;
                text = new YamlText(group.Name + "." + field.Name, ScalarKind.Quoted);
            }
            else
            {
                do
                {
                    bit = _draw.Below(64);
                }
                while ((group.Usable & (1UL << bit)) == 0);

                text = new YamlText($"{group.Name}[{NumberText.Spell(_draw, (ulong)bit)}]", ScalarKind.Quoted);
            }

            bool? read = _polarity.TryGetValue((group.Read, bit), out bool r) ? r : null;
            bool? write = _polarity.TryGetValue((group.Write, bit), out bool w) ? w : null;
            if (read is not null && write is not null && read != write)
            {
                if (attempt < 50)
                {
                    continue;
                }
            }

            bool set = read ?? write ?? _draw.Coin();
            _polarity[(group.Read, bit)] = set;
            _polarity[(group.Write, bit)] = set;
            return (text, set);
        }
    }

    /// <summary>
    /// The catalogue: names for some of the encodings the traps use (which they may then be
    /// spelled by: the traps were written first, so the names are added to the spellings now),
    /// families over contiguous blocks, aliases of earlier names, and names nothing uses.
    /// </summary>
    private void Catalogue()
    {
        if (_catalogue.Count == 0 && !_draw.OneIn(4))
        {
            return;
        }

        for (int extra = _draw.Between(0, 3); extra > 0; extra--)
        {
            int encoding = _space.Near();
            if (!_catalogue.ContainsKey(encoding))
            {
                _catalogue[encoding] = new List<string> { Name(NameKind.SysReg, _sysregNames) };
            }
        }

        foreach (var (encoding, names) in _catalogue)
        {
            for (int i = 0; i < names.Count; i++)
            {
                YamlTree value = i > 0 && _draw.Coin() ? NameText(names[_draw.Below(i)])
                    : _draw.Coin() ? Plain(EncodingSpace.Generic(encoding)) : FieldList(encoding);
                Define("sysregs", names[i], value);
            }
        }

        for (int families = _draw.OneIn(3) ? _draw.Between(1, 2) : 0; families > 0; families--)
        {
            Family();
        }
    }

    /// <summary>
    /// A family over a block of encodings: op0, op1 and CRn fixed, then either CRm from the index
    /// (n in 0..15, op2 fixed) or CRm and op2 from it (a contiguous run of packed encodings).
    /// Its base name cannot meet another catalogue name: it ends in a suffix no other name has.
    /// </summary>
    private void Family()
    {
        string variable = _draw.Pick(new[] { "n", "n", "i", "idx" });
        string prefix = HostileNames.Plain(_draw) + "_F" + _sysregNames.Count.ToString(CultureInfo.InvariantCulture) + "_";
        string name = prefix + "<" + variable + ">" + (_draw.Coin() ? "_EL1" : string.Empty);
        _sysregNames.Add(name);
        var (op0, op1, crn, _, op2) = EncodingSpace.Unpack(_space.Near());
        var encoding = new YamlList().Add(Number((ulong)op0)).Add(Number((ulong)op1)).Add(Number((ulong)crn));
        string range;
        if (_draw.Coin())
        {
            range = "0.." + _draw.Between(0, 15).ToString(CultureInfo.InvariantCulture);
            encoding.Add(_draw.Coin() ? NameText(variable) : new YamlText(variable + " & 15", ScalarKind.Quoted)).Add(Number((ulong)op2));
        }
        else
        {
            int crmBase = _draw.Between(0, 15);
            int last = ((16 - crmBase) * 8) - 1;
            range = _draw.Between(0, 3).ToString(CultureInfo.InvariantCulture) + ".." + _draw.Between(4, last).ToString(CultureInfo.InvariantCulture);
            encoding.Add(new YamlText($"{crmBase} + ({variable} >> 3)", ScalarKind.Quoted)).Add(new YamlText($"{variable} & 7", ScalarKind.Quoted));
        }

        var family = new YamlMap().Add(variable, range).Add("encoding", encoding);
        Shuffle(family);
        Define("sysregs", name, family);
    }

    private YamlList FieldList(int encoding)
    {
        var (op0, op1, crn, crm, op2) = EncodingSpace.Unpack(encoding);
        return new YamlList().Add(Number((ulong)op0)).Add(Number((ulong)op1)).Add(Number((ulong)crn)).Add(Number((ulong)crm)).Add(Number((ulong)op2));
    }

    /// <summary>An encoding in one of the spellings: a catalogue name (defined later if new), the generic name, or the five fields.</summary>
    private YamlTree Encoding(int encoding)
    {
        switch (_draw.Below(4))
        {
            case 0:
                if (!_catalogue.TryGetValue(encoding, out var names))
                {
                    _catalogue[encoding] = names = new List<string>();
                }

                if (names.Count == 0 || _draw.OneIn(8))
                {
                    names.Add(Name(NameKind.SysReg, _sysregNames));
                }

                return NameText(_draw.Pick(names));
            case 1:
                return FieldList(encoding);
            default:
                return Plain(EncodingSpace.Generic(encoding));
        }
    }

    private YamlList List(IEnumerable<YamlTree> items)
    {
        var list = new YamlList();
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private void Shuffle(YamlMap map) => _draw.Shuffle(map.Entries);
}
