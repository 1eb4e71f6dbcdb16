# Untested: written without access to Windows.
<#
.SYNOPSIS
Saves what WSL Atlas looks at on this Windows machine into a capture folder, for
`wslatlas-cli import FOLDER -o snapshot.json` (on this machine or any other).

.DESCRIPTION
Untested: written without access to Windows.

Runs the same commands as the default plan of wslatlas-cli (core/vantage_plan.cpp, wslPlan): the host
captures (wsl -l -v, --status, --version, ipconfig /all, Get-NetAdapter, Get-NetIPAddress,
Get-NetAdapterBinding, Get-VMSwitch and hnsdiag when elevated, the Lxss registry keys, .wslconfig) and the
collector in every running WSL 2 distro, in its WSLg system distro, and in the VM root when elevated.
Stopped distros are left alone: running a command in one would start it. Text is saved as UTF-8; the
collector's output is saved byte for byte. Vantages run one after the other, so they are seconds apart.
Windows PowerShell 5.1 or later. Run it as administrator to include the VM root and hnsdiag.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File capture-wsl.ps1 -OutDir C:\temp\wsl-capture
#>
param(
    [string]$OutDir = ('wslatlas-capture-' + (Get-Date -Format 'yyyyMMdd-HHmmss')),
    [string]$Collector = (Join-Path $PSScriptRoot 'collector.sh'),
    [int]$TimeoutSeconds = 30
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# The collector ends with "@@WSLATLAS-END 1 NONCE" when wa_nonce is set before it: a per-run value that no
# other process's command line (which the collector's listings quote) can contain.
$Nonce = [guid]::NewGuid().ToString('N').Substring(0, 16)
$EndMarker = "@@WSLATLAS-END 1 $Nonce"

# Runs Program with an argument string built only from constants and validated names (never from
# other data), feeds Stdin as bytes, and returns the raw stdout bytes. Stops it after the timeout, or
# (EndMarker) once that marker has been read: wsl --debug-shell does not exit by itself.
function Invoke-Captured([string]$Program, [string]$Arguments, [byte[]]$Stdin, [string]$Marker) {
    $psi = New-Object System.Diagnostics.ProcessStartInfo
    $psi.FileName = $Program
    $psi.Arguments = $Arguments
    $psi.UseShellExecute = $false
    $psi.CreateNoWindow = $true
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.EnvironmentVariables['WSL_UTF8'] = '1' # newer wsl.exe then writes UTF-8; older ones ignore it
    $p = [System.Diagnostics.Process]::Start($psi)
    $errTask = $p.StandardError.ReadToEndAsync()
    $stream = $p.StandardOutput.BaseStream
    $buffer = New-Object byte[] 65536
    $out = New-Object System.IO.MemoryStream
    $read = $stream.ReadAsync($buffer, 0, $buffer.Length)
    if ($null -ne $Stdin -and $Stdin.Length -gt 0) {
        # The base stream, not the StreamWriter: no encoding, no CRLF, exactly these bytes.
        $p.StandardInput.BaseStream.Write($Stdin, 0, $Stdin.Length)
        $p.StandardInput.BaseStream.Flush()
    }
    $p.StandardInput.Close()

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $timedOut = $false
    $sawMarker = $false
    while ($true) {
        $left = ($deadline - [DateTime]::UtcNow).TotalMilliseconds
        if ($left -le 0) { $timedOut = $true; break }
        if (-not $read.Wait([int][Math]::Min($left, 500))) { continue }
        $n = $read.Result
        if ($n -le 0) { break }
        $out.Write($buffer, 0, $n)
        if ($Marker) {
            # Stop after the whole marker line, as wslatlas-cli's runner does.
            $text = [Text.Encoding]::ASCII.GetString($out.ToArray())
            $at = $text.IndexOf($Marker)
            if ($at -ge 0 -and $text.IndexOf("`n", $at) -ge 0) { $sawMarker = $true; break }
        }
        $read = $stream.ReadAsync($buffer, 0, $buffer.Length)
    }
    # sh -s exits once its stdin is done; the debug shell and a hung command are stopped.
    if (-not $p.WaitForExit(2000)) { try { $p.Kill() } catch { } }
    $exitCode = if ($p.HasExited -and -not $timedOut -and -not $sawMarker) { $p.ExitCode } else { 0 }
    $stderr = if ($errTask.Wait(1000)) { $errTask.Result } else { '' }
    return [pscustomobject]@{
        Bytes = $out.ToArray(); TimedOut = $timedOut; SawMarker = $sawMarker; ExitCode = $exitCode; Stderr = $stderr
    }
}

# wsl.exe writes UTF-16LE (unless WSL_UTF8 worked), Windows tools the console code page, PowerShell
# below UTF-8: decode accordingly, so that every file is UTF-8.
function ConvertTo-Text([byte[]]$Bytes) {
    if ($Bytes.Length -ge 2 -and (($Bytes[0] -eq 0xFF -and $Bytes[1] -eq 0xFE) -or ($Bytes[1] -eq 0))) {
        return [Text.Encoding]::Unicode.GetString($Bytes).TrimStart([char]0xFEFF)
    }
    try { return (New-Object System.Text.UTF8Encoding($false, $true)).GetString($Bytes).TrimStart([char]0xFEFF) }
    catch {
        try { $console = [Console]::OutputEncoding } catch { $console = $null }
        if (-not $console) { $console = [Text.Encoding]::GetEncoding([Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage) }
        return $console.GetString($Bytes)
    }
}

function Save-Text([string]$Name, [string]$Text) {
    [IO.File]::WriteAllText((Join-Path $OutDir $Name), $Text, (New-Object System.Text.UTF8Encoding($false)))
}

function Get-FailureText($r) {
    if ($r.TimedOut) { return "no answer within $TimeoutSeconds s" }
    $why = ((ConvertTo-Text $r.Bytes) + "`n" + $r.Stderr).Trim() -split "`r?`n" | Where-Object { $_.Trim() } | Select-Object -Last 2
    return "exit code $($r.ExitCode): $($why -join ' ')"
}

# One host capture: KIND.txt (or KIND.LABEL.txt) when the command succeeded, a warning otherwise.
function Save-Capture([string]$Name, [string]$Program, [string]$Arguments) {
    try { $r = Invoke-Captured $Program $Arguments $null $null }
    catch { Write-Warning "${Name}: could not run ${Program}: $($_.Exception.Message)"; return $null }
    if ($r.TimedOut -or $r.ExitCode -ne 0) { Write-Warning "${Name}: $(Get-FailureText $r)"; return $null }
    $text = ConvertTo-Text $r.Bytes
    Save-Text $Name $text
    Write-Host "saved $Name"
    return $text
}

function Save-PowerShellCapture([string]$Name, [string]$Command) {
    # -EncodedCommand: the command needs no quoting; UTF-8 output keeps non-ASCII adapter names.
    $full = '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false); ' + $Command
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($full))
    [void](Save-Capture $Name 'powershell.exe' "-NoProfile -NonInteractive -EncodedCommand $encoded")
}

# The collector in one vantage: vantage-NAME.txt, the output as it came (the importer reads it).
function Save-Vantage([string]$Name, [string]$Arguments) {
    try { $r = Invoke-Captured 'wsl.exe' $Arguments $script:CollectorBytes $EndMarker }
    catch { Write-Warning "${Name}: could not run wsl.exe: $($_.Exception.Message)"; return }
    $complete = [Text.Encoding]::ASCII.GetString($r.Bytes).Contains($EndMarker)
    if (-not $complete) { Write-Warning "${Name}: $(Get-FailureText $r)"; return }
    [IO.File]::WriteAllBytes((Join-Path $OutDir $Name), $r.Bytes)
    Write-Host "saved $Name"
}

# --- main ---
# A relative -OutDir (the default) goes next to this script, or to the Desktop when that folder cannot be
# written: never to the current folder, which for an elevated PowerShell is C:\Windows\System32.
if (-not [IO.Path]::IsPathRooted($OutDir)) {
    $base = $PSScriptRoot
    try {
        $probe = Join-Path $base ('.wslatlas-write-test-' + $Nonce)
        [IO.File]::WriteAllText($probe, '')
        Remove-Item -LiteralPath $probe -Force
    } catch {
        $base = [Environment]::GetFolderPath('Desktop')
    }
    if (-not $base -or $base -like "$env:windir*") { $base = [Environment]::GetFolderPath('Desktop') }
    $OutDir = Join-Path $base $OutDir
}
$OutDir = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutDir)
$Collector = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Collector)
if (-not (Test-Path -LiteralPath $Collector)) { throw "collector script not found: $Collector (pass -Collector PATH)" }
# A checkout with CRLF line ends would break sh: send LF only.
$script:CollectorBytes = [byte[]]@([Text.Encoding]::ASCII.GetBytes("wa_nonce=$Nonce`n") +
    ([IO.File]::ReadAllBytes($Collector) | Where-Object { $_ -ne 13 }))
[void](New-Item -ItemType Directory -Force -Path $OutDir)

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
$elevated = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)

$list = Save-Capture 'wsl-list.txt' 'wsl.exe' '-l -v'
[void](Save-Capture 'wsl-status.txt' 'wsl.exe' '--status')
[void](Save-Capture 'wsl-version.txt' 'wsl.exe' '--version')
[void](Save-Capture 'ipconfig.txt' 'ipconfig.exe' '/all')
Save-PowerShellCapture 'net-adapters.txt' 'Get-NetAdapter -IncludeHidden | Select-Object Name,InterfaceDescription,ifIndex,Status,MacAddress,MtuSize | ConvertTo-Json'
Save-PowerShellCapture 'net-ip.txt' 'Get-NetIPAddress | Select-Object IPAddress,InterfaceAlias,InterfaceIndex,AddressFamily,PrefixLength | ConvertTo-Json'
Save-PowerShellCapture 'adapter-bindings.txt' "Get-NetAdapterBinding -IncludeHidden -Name 'vSwitch (WSL*' | Select-Object Name,DisplayName,ComponentID,Enabled | ConvertTo-Json"
# Get-VMSwitch needs administrator and Hyper-V's PowerShell module, which Home editions lack.
if ($elevated -and (Get-Command Get-VMSwitch -ErrorAction SilentlyContinue)) {
    Save-PowerShellCapture 'vm-switch.txt' 'Get-VMSwitch | Select-Object Name,Id,SwitchType | ConvertTo-Json'
} elseif ($elevated) {
    Write-Host 'Get-VMSwitch is not available on this edition of Windows (no Hyper-V module): skipped'
}
if ($elevated) { [void](Save-Capture 'hnsdiag-networks.txt' 'hnsdiag.exe' 'list networks') }
[void](Save-Capture 'lxss-registry.hklm.txt' 'reg.exe' 'query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss /s')
[void](Save-Capture 'lxss-registry.hkcu.txt' 'reg.exe' 'query HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss /s')
$wslconfigPath = Join-Path $env:USERPROFILE '.wslconfig'
$guiApplications = $true
if (Test-Path -LiteralPath $wslconfigPath) {
    $wslconfig = ConvertTo-Text ([IO.File]::ReadAllBytes($wslconfigPath))
    Save-Text 'wslconfig.txt' $wslconfig
    Write-Host 'saved wslconfig.txt'
    # A plain line check, not an INI parser: enough to skip the system vantages that would fail.
    if ($wslconfig -match '(?im)^\s*guiApplications\s*=\s*false\s*$') { $guiApplications = $false }
}

# Running WSL 2 distros: names from `-l --running -q` (the state column of -l -v may be translated),
# versions from -l -v.
$running = @()
try {
    $r = Invoke-Captured 'wsl.exe' '-l --running -q' $null $null
    if (-not $r.TimedOut -and $r.ExitCode -eq 0) {
        $running = @((ConvertTo-Text $r.Bytes) -split "`r?`n" | ForEach-Object { $_.Trim() } | Where-Object { $_ })
    }
} catch { Write-Warning "wsl.exe -l --running -q: $($_.Exception.Message)" }
$distros = @()
if ($list) {
    foreach ($line in ($list -split "`r?`n" | Select-Object -Skip 1)) {
        if ($line -match '^\s*\*?\s*(\S+)\s+.*\s(\d+)\s*$' -and $Matches[2] -eq '2' -and $running -contains $Matches[1]) {
            $distros += $Matches[1]
        }
    }
}

if ($elevated) { Save-Vantage 'vantage-vm.txt' '--debug-shell' }
else { Write-Warning 'not elevated: no VM root vantage (wsl --debug-shell) and no hnsdiag' }
if (-not $distros) { Write-Warning 'no WSL 2 distro is running: start one (wsl -d NAME) to see its namespaces' }
foreach ($distro in $distros) {
    if ($distro -notmatch '^[A-Za-z0-9._-]+$') {
        Write-Warning "skipped distro '$distro': its name has characters this script does not pass on a command line"
        continue
    }
    if ($guiApplications) { Save-Vantage "vantage-system-$distro.txt" "--system -d $distro -u root --exec sh -s" }
    Save-Vantage "vantage-$distro.txt" "-d $distro -u root --exec sh -s"
}

Write-Host ''
Write-Host "Capture folder: $OutDir"
Write-Host "Import it with: wslatlas-cli import `"$OutDir`" -o snapshot.json"
