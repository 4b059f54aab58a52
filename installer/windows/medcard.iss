; Inno Setup script: a per-user Medcard installer that needs no administrator rights.
; Built by installer/build.py on Windows, which passes the three defines below, e.g.
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\Medcard /DIconFile=resources\icons\medcard.ico
;        /Odist installer\windows\medcard.iss
; PrivilegesRequired=lowest makes {autopf} the user's own %LOCALAPPDATA%\Programs and
; {autoprograms} the user's Start menu, so nothing is written outside the user profile.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Medcard"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\medcard.ico"
#endif

[Setup]
; Identifies the app to Windows across versions (upgrades, uninstall entry): never change.
AppId={{6F1C3B52-8E2A-4D8B-9C1E-5A7D2B0E4F31}
AppName=Medcard
AppVersion={#AppVersion}
AppPublisher=Medcard developers
DefaultDirName={autopf}\Medcard
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=Medcard-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\medcard.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Medcard"; Filename: "{app}\medcard.exe"
Name: "{autodesktop}\Medcard"; Filename: "{app}\medcard.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\medcard.exe"; Description: "{cm:LaunchProgram,Medcard}"; Flags: nowait postinstall skipifsilent
