using System.Globalization;
using System.Runtime.CompilerServices;

namespace SecureDynamo.Lint.Tests.Support;

/// <summary>Tests run under the invariant culture, as the CLI does, whatever the machine's locale.</summary>
internal static class InvariantCultureInitializer
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
