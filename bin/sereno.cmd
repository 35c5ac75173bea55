@echo off
rem The sereno command line on Windows, quick to start: bin\sereno demo, bin\sereno advise FILE, bin\sereno serve...
rem Runs cli\target\sereno.jar with the class-data-sharing archive the build records beside it (cli\target\sereno.jsa)
rem and, for one-shot commands, only the quick JIT compiler; serve and advise --jsonl keep the optimising one.
rem The archive is used only when it exists (made by the JVM Maven ran); without it the jar runs as it is.
setlocal
set "here=%~dp0.."
set "jar=%here%\cli\target\sereno.jar"
set "archive=%here%\cli\target\sereno.jsa"
set "java=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
if not exist "%jar%" (
  echo sereno: %jar% not found; build it first with: mvn -B -q -DskipTests package 1>&2
  exit /b 1
)
set "tier=-XX:TieredStopAtLevel=1"
echo. %* | findstr /c:" serve " /c:" --jsonl " >nul && set "tier="
set "cds="
if exist "%archive%" set "cds=-XX:SharedArchiveFile=%archive%"
"%java%" %cds% %tier% -Xlog:cds=off -Xlog:cds+dynamic=off -Xshare:auto -jar "%jar%" %*
exit /b %ERRORLEVEL%
