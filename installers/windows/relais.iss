; Inno Setup 6 script for Relais. Build on Windows after `make dist` (or the pyinstaller command
; in README.md):  "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installers\windows\relais.iss
; Output: dist\Relais-Setup-<version>.exe
#define AppName "Relais"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6F1C2C1E-5D3B-4E8A-9A34-2F1C0B7A9E51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Relais
DefaultDirName={autopf}\Relais
DefaultGroupName=Relais
DisableProgramGroupPage=yes
; per-user install by default: case managers rarely have administrator rights on their laptop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=Relais-Setup-{#AppVersion}
SetupIconFile={#Root}\resources\icons\relais.ico
UninstallDisplayIcon={app}\relais-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Sign the installer and the executables when a certificate is configured (see README.md):
; SignTool=relaissign
; SignedUninstaller=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.CaseManagement=Gestion de cas
nl.CaseManagement=Casemanagement
en.CaseManagement=Case management

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole PyInstaller one-folder bundle (relais.exe for the command line, relais-gui.exe)
Source: "{#Root}\dist\relais\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Relais"; Filename: "{app}\relais-gui.exe"; Comment: "{cm:CaseManagement}"
Name: "{autodesktop}\Relais"; Filename: "{app}\relais-gui.exe"; Tasks: desktopicon

[Run]
; smoke test at the end of the install: a temporary vault and a handout, nothing kept
Filename: "{app}\relais.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Relais self-test…"
Filename: "{app}\relais-gui.exe"; Description: "{cm:LaunchProgram,Relais}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; the program folder only: the vault lives in the user's AppData and is never removed here
Type: filesandordirs; Name: "{app}\_internal"
