using System.Text;
using SecureDynamo.Lint.Core.Values;
using SecureDynamo.Lint.Hcl;
using SecureDynamo.Lint.Terraform.Evaluation;
using static SecureDynamo.Lint.Terraform.Functions.FunctionLibrary;

namespace SecureDynamo.Lint.Terraform.Functions;

/// <summary><c>file</c>, <c>templatefile</c> and path functions, relative to the module directory.</summary>
internal static class FileFunctions
{
    public static void Register(Dictionary<string, Func<IReadOnlyList<Value>, FunctionContext, Value>> f)
    {
        f["file"] = (a, c) => { Arity(a, 1); return Value.String(Read(ValueOps.ToText(a[0]), c).Text); };
        f["fileexists"] = (a, c) => { Arity(a, 1); return Value.Bool(File.Exists(OnDisk(ValueOps.ToText(a[0]), c))); };
        f["templatefile"] = (a, c) => TemplateFile(a, c);
        f["templatestring"] = (a, c) => TemplateString(a, c);
        f["basename"] = (a, _) => { Arity(a, 1); return Value.String(Path.GetFileName(ValueOps.ToText(a[0]).TrimEnd('/'))); };
        f["dirname"] = (a, _) =>
        {
            Arity(a, 1);
            var s = ValueOps.ToText(a[0]);
            var cut = s.LastIndexOf('/');
            return Value.String(cut < 0 ? "." : cut == 0 ? "/" : s[..cut]);
        };
    }

    /// <summary>Paths are relative to the directory Terraform runs in (the scanned root); <c>path.module</c> makes them module-relative.</summary>
    private static string OnDisk(string path, FunctionContext c)
    {
        if (Path.IsPathRooted(path)) return path;
        return Path.GetFullPath(Path.Combine(c.Scope.RootDirectoryOnDisk, path));
    }

    private static (string Text, string Path) Read(string path, FunctionContext c)
    {
        var full = OnDisk(path, c);
        if (!File.Exists(full)) throw new EvaluationError($"no file exists at \"{path}\"");
        try
        {
            return (new UTF8Encoding(false).GetString(Loading.BoundedFile.Read(full, Loading.BoundedFile.MaxFunctionBytes)).TrimStart('\uFEFF'), full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvaluationError($"\"{path}\" {(e is Loading.BoundedFile.FileTooLargeException ? e.Message : "cannot be read: " + e.Message)}");
        }
    }

    private static Value TemplateFile(IReadOnlyList<Value> a, FunctionContext c)
    {
        Arity(a, 2);
        // As Terraform: a template cannot call templatefile (a template that includes itself would never end).
        if (c.Scope is TemplateScope) throw new EvaluationError("cannot recursively call templatefile from inside a templatefile call");
        var path = ValueOps.ToText(a[0]);
        var (text, _) = Read(path, c);
        return Render(path, text, a[1], c);
    }

    private static Value TemplateString(IReadOnlyList<Value> a, FunctionContext c)
    {
        Arity(a, 2);
        if (c.Scope is TemplateScope) throw new EvaluationError("cannot call a template function from inside a template");
        return Render("templatestring", ValueOps.ToText(a[0]), a[1], c);
    }

    /// <summary>
    /// Renders <paramref name="text"/> (a template named <paramref name="name"/> in messages) with the variables of
    /// <paramref name="variables"/>; the callers refuse a call from inside a template.
    /// </summary>
    private static Value Render(string name, string text, Value variables, FunctionContext c)
    {
        var vars = ValueOps.ToFields(variables);
        var parsed = HclParser.ParseTemplate(name, Encoding.UTF8.GetBytes(text));
        if (parsed.HasErrors) throw new EvaluationError($"template {name} has errors: {parsed.Diagnostics.First().Summary}");
        var bindings = Bindings.Empty;
        foreach (var (k, v) in vars) bindings = bindings.With(k, v);
        var result = new ExpressionEvaluator(new TemplateScope(c.Scope)).Evaluate(parsed.Expression, bindings);
        // Known only after apply in part (a table's ARN passed in): the rendered text with the unknown parts marked,
        // as a template written in place gives, so what is known of a policy document is still judged.
        if (result.IsUnknown && result.Expression is not { Skeleton: not null, References.Count: > 0 }) throw new UnknownEncountered();
        return result.WithRange(null);
    }
}
