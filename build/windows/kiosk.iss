; Inno Setup 6 script for Fair Migration Kiosk on Windows.
;
; NOT built or tested on this project's machines, which run Linux only. It packages the one-folder
; bundle that build/build.py makes on a Windows machine:
;
;   uv run python build/build.py
;   iscc /DAppVersion=0.1.0 build\windows\kiosk.iss      (the version in pyproject.toml)
;
; and writes .build\packages\fair-migration-kiosk-VERSION-windows-x64-setup.exe. Relative paths are
; from this script's folder. The setup is not signed: Windows SmartScreen will warn about it.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z build\windows\kiosk.iss
#endif

#define AppName "Fair Migration Kiosk"
#define AppExe "fair-migration-kiosk.exe"
#define Bundle "..\..\.build\dist\fair-migration-kiosk"
#define Stage "..\..\.build\stage"

[Setup]
; Never change it: Windows knows an installed program, for upgrades and removal, by this id.
AppId={{D8A1832E-FCFB-411D-8E1C-0A9025D87791}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Fair Migration Kiosk project
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\.build\packages
OutputBaseFilename=fair-migration-kiosk-{#AppVersion}-windows-x64-setup
SetupIconFile={#Stage}\icons\fair-migration-kiosk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The PySide6 6.11 wheels are 64-bit and need Windows 10 or later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; For all users (Program Files) by default; a user without administrator rights can install for
; themselves alone.
PrivilegesRequiredOverridesAllowed=dialog

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} (kiosk mode)"; Filename: "{app}\{#AppExe}"; Parameters: "--kiosk"
; In a console that stays open, so that staff can read the PASS/FAIL lines.
Name: "{group}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppExe}"" self-test"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; A start at login (kiosk install-autostart) would point at the removed program. Only the
; uninstalling user's is removed; the PIN, logs, content packs and visit records of every user stay
; in their %LOCALAPPDATA%\fair-migration-kiosk.
Filename: "{app}\{#AppExe}"; Parameters: "install-autostart --remove"; Flags: runhidden; RunOnceId: "RemoveAutostart"
