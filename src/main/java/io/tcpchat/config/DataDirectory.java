package io.tcpchat.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * {@code chat.data-dir}, which holds the embedded database and the generated TLS key: created readable by its
 * owner only (0700) before the database is opened (every {@link DataSource} depends on this bean), and the
 * files in it made owner-only (0600) once everything has started. A directory that exists already keeps its
 * permissions: the operator chose them. On file systems without POSIX permissions nothing is changed.
 */
@Component(DataDirectory.BEAN_NAME)
public class DataDirectory implements SmartInitializingSingleton {

	static final String BEAN_NAME = "chatDataDirectory";

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private final Path path;

	DataDirectory(ChatProperties properties) {
		this.path = properties.dataDir();
		createOwnerOnly(this.path);
	}

	/** Creates the directory (and missing parents) if absent, the directory itself as 0700. */
	public static void createOwnerOnly(Path directory) {
		try {
			Path absolute = directory.toAbsolutePath();
			if (Files.isDirectory(absolute)) {
				return;
			}
			Files.createDirectories(absolute.getParent());
			try {
				Files.createDirectory(absolute, ownerOnly(absolute, OWNER_ONLY_DIRECTORY));
			}
			catch (FileAlreadyExistsException ex) {
				// created meanwhile by someone else: theirs
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + directory, ex);
		}
	}

	/** Makes a file readable and writable by its owner only, where the file system knows permissions. */
	public static void restrictToOwner(Path file) throws IOException {
		if (supportsPosix(file)) {
			Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!Files.isDirectory(this.path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(this.path, 2)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				restrictToOwner(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict the files in " + this.path + " to their owner", ex);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path directory, Set<PosixFilePermission> permissions) {
		return supportsPosix(directory.getParent())
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) } : new FileAttribute<?>[0];
	}

	private static boolean supportsPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** Opens no database before the data directory exists with its permissions. */
	@Component
	static class DataSourcesAfterDataDirectory extends AbstractDependsOnBeanFactoryPostProcessor {

		DataSourcesAfterDataDirectory() {
			super(DataSource.class, BEAN_NAME);
		}

	}

}
