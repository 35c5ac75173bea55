@echo off
rem The sereno command line on Windows, quick to start: bin\sereno demo, bin\sereno advise FILE, bin\sereno serve...
rem Runs cli\target\sereno.jar with the class-data-sharing archives the build records beside it (cli\target\sereno-base.jsa
rem and sereno.jsa on top of it) and, for one-shot commands, only the quick JIT compiler and a 200 MB young generation;
rem serve and advise --jsonl keep the optimising compiler and the JVM's own sizing.
rem The archives are used only when they exist (made by the JVM Maven ran); without them the jar runs as it is.
setlocal
set "here=%~dp0.."
set "jar=%here%\cli\target\sereno.jar"
set "archive=%here%\cli\target\sereno.jsa"
set "base=%here%\cli\target\sereno-base.jsa"
set "java=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
if not exist "%jar%" (
  echo sereno: %jar% not found; build it first with: mvn -B -q -DskipTests package 1>&2
  exit /b 1
)
set "oneshot=-XX:TieredStopAtLevel=1 -Xmn200m"
echo. %* | findstr /c:" serve " /c:" --jsonl " >nul && set "oneshot="
set "cds="
if exist "%archive%" set "cds=-XX:SharedArchiveFile=%archive%"
if exist "%archive%" if exist "%base%" set "cds=-XX:SharedArchiveFile=%base%;%archive%"
"%java%" %cds% %oneshot% -Xlog:cds=off -Xlog:cds+dynamic=off -Xshare:auto -jar "%jar%" %*
exit /b %ERRORLEVEL%
