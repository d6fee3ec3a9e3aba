@echo off
rem TokenBench launcher for Windows (the native Eclipse launcher is not on Maven Central).
rem   tokenbench                 opens the workbench
rem   tokenbench COMMAND ...     runs a headless command; exit code 0 ok / 1 negative / 2 usage / 3 failure /
rem                              4 passed with unchecked steps / 70 defect (tokenbench help lists them all)
rem Java: %TOKENBENCH_JAVA%, else the runtime in .\runtime, else %JAVA_HOME%\bin\java.exe, else java on PATH (21+).
rem Nothing is written into this folder: the Equinox configurations are cascaded into %LOCALAPPDATA%\TokenBench.
setlocal
set "PRODUCT=%~dp0"
if not defined TOKENBENCH_HOME set "TOKENBENCH_HOME=%USERPROFILE%\.tokenbench"
set "CACHE=%LOCALAPPDATA%\TokenBench\cache"
set "JAVA=%TOKENBENCH_JAVA%"
if not defined JAVA if exist "%PRODUCT%runtime\bin\java.exe" set "JAVA=%PRODUCT%runtime\bin\java.exe"
if not defined JAVA if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA set "JAVA=java"
set "LAUNCHER="
for %%L in ("%PRODUCT%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER (
  echo tokenbench: %PRODUCT% does not look like a TokenBench product 1>&2
  exit /b 3
)
rem JNA (PC/SC, SKF) and SWT call native code from unnamed modules: granted, so Java 24+ prints no warning on stderr.
rem A QR image for the workbench, as on Linux: tokenbench --open FILE. (A lone FILE is not recognised here: telling a
rem file from a command word in cmd is not worth the parsing risk; the Linux launcher does it.)
set "WORKBENCH_ARGS="
if "%~1"=="" goto workbench
if /i not "%~1"=="--open" goto headless
if "%~2"=="" goto headless
if not "%~3"=="" goto headless
set WORKBENCH_ARGS=--open "%~f2"
:workbench
"%JAVA%" -Dosgi.requiredJavaVersion=21 --enable-native-access=ALL-UNNAMED -Dosgi.configuration.cascaded=true ^
  "-Dosgi.sharedConfiguration.area=%PRODUCT%configuration" ^
  -jar "%LAUNCHER%" -install "%PRODUCT%." -configuration "%CACHE%\workbench" -data "%TOKENBENCH_HOME%\workspace" -noSplash %WORKBENCH_ARGS%
exit /b %ERRORLEVEL%
:headless
rem Every word of the command goes through Equinox escaped with a leading "+", which the headless application strips
rem (as the Linux launcher does): Equinox would otherwise take -data, -clean, -configuration... for itself. An empty
rem word ("") is kept. (cmd cannot pass a word holding a double quote unchanged.) The raw %1 is compared only when it is
rem empty or absent: an "if" over a word holding = or a space would not even parse (--secret-file=F).
set ESCAPED=
:escape
set "ARG=%~1"
if defined ARG goto add
if "%1"=="" goto escaped
:add
set ESCAPED=%ESCAPED% "+%ARG%"
shift
goto escape
:escaped
rem A bounded heap (TOKENBENCH_MAX_HEAP, default 768m): a hostile input ends in one clear error and exit 70.
if not defined TOKENBENCH_MAX_HEAP set "TOKENBENCH_MAX_HEAP=768m"
"%JAVA%" -Djava.awt.headless=true "-Xmx%TOKENBENCH_MAX_HEAP%" -Dtokenbench.escapedArguments=true -Dosgi.requiredJavaVersion=21 ^
  --enable-native-access=ALL-UNNAMED -Dosgi.configuration.cascaded=true ^
  "-Dosgi.sharedConfiguration.area=%PRODUCT%configuration-headless" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ^
  "-XX:SharedArchiveFile=%CACHE%\headless.jsa" -XX:+AutoCreateSharedArchive -Xlog:disable "-Xlog:all=error,cds*=off,aot*=off:stderr" ^
  -cp "%PRODUCT%lib\boot\equinox-launcher.jar" org.eclipse.equinox.launcher.Main ^
  -install "%PRODUCT%." -configuration "%CACHE%\headless" -data "%TOKENBENCH_HOME%\workspace" -noSplash ^
  -application org.tokenbench.cli.headless %ESCAPED%
exit /b %ERRORLEVEL%
